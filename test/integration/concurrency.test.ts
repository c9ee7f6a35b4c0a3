import { useTestApp } from '../helpers/strapi';
import { storedPoints } from '../helpers/writers';

// The invariants must hold when requests race, not only one at a time (PostgreSQL runs them in parallel).
const app = useTestApp();

const createCustomer = async (data: Record<string, unknown>) => {
  const response = await app.api().post('/api/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; customerNumber: string };
};

const ADDRESS_TYPES = ['physical', 'garage', 'mailing', 'previous', 'work'];

describe('under concurrent requests', () => {
  it('20 address creates on one individual leave at most 5 and exactly one primary', async () => {
    const customer = await createCustomer({ firstName: 'Race', lastName: 'Condition' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app
          .api()
          .post('/api/crm/addresses')
          .send({
            data: {
              type: ADDRESS_TYPES[i % 5],
              line1: `${i} Main St`,
              city: 'Boston',
              customer: customer.documentId,
            },
          })
      )
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 400)).toBe(true);
    const stored = await storedPoints(app, 'address', customer.documentId);
    expect(stored.length).toBeLessThanOrEqual(5);
    expect(stored.length).toBe(statuses.filter((status) => status === 201).length);
    expect(new Set(stored.map((address) => address.type)).size).toBe(stored.length);
    expect(stored.filter((address) => address.isPrimary)).toHaveLength(1);
  });

  it('20 address creates on a business stop at its limit of 5, with one primary', async () => {
    const customer = await createCustomer({ type: 'business', businessName: 'Race Corp' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app
          .api()
          .post('/api/crm/addresses')
          .send({
            data: {
              type: ADDRESS_TYPES[i % 5],
              line1: `${i} Dock Rd`,
              city: 'Austin',
              customer: customer.documentId,
            },
          })
      )
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(5);
    const stored = await storedPoints(app, 'address', customer.documentId);
    expect(stored).toHaveLength(5);
    expect(stored.filter((address) => address.isPrimary)).toHaveLength(1);
  });

  it('20 concurrent primary switches leave exactly one primary', async () => {
    const customer = await createCustomer({
      firstName: 'Switch',
      lastName: 'Board',
      phones: [
        { type: 'home', number: '(415) 555-2671' },
        { type: 'cell', number: '(415) 555-2672' },
        { type: 'work', number: '(415) 555-2673' },
        { type: 'fax', number: '(415) 555-2674' },
      ],
    });
    const phones = await storedPoints(app, 'phone', customer.documentId);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app
          .api()
          .put(`/api/crm/customers/${customer.documentId}/primary`)
          .send({ kind: 'phone', id: phones[i % phones.length].documentId })
      )
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const stored = await storedPoints(app, 'phone', customer.documentId);
    expect(stored).toHaveLength(4);
    expect(stored.filter((phone) => phone.isPrimary)).toHaveLength(1);
  });

  it('20 concurrent deletes and creates of phones keep exactly one primary', async () => {
    const customer = await createCustomer({
      firstName: 'Churn',
      lastName: 'Rate',
      phones: [
        { type: 'home', number: '(415) 555-2671' },
        { type: 'cell', number: '(415) 555-2672' },
      ],
    });
    const phones = await storedPoints(app, 'phone', customer.documentId);
    await Promise.all([
      ...phones.map((phone) => app.api().delete(`/api/crm/phones/${phone.documentId}`)),
      ...['work', 'fax'].map((type, i) =>
        app
          .api()
          .post('/api/crm/phones')
          .send({ data: { type, number: `(617) 555-010${i}`, customer: customer.documentId } })
      ),
    ]);
    const stored = await storedPoints(app, 'phone', customer.documentId);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((phone) => phone.isPrimary)).toHaveLength(1);
  });

  it('50 concurrent customer creates get 50 distinct, sequential numbers', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createCustomer({ firstName: `Many${i}`, lastName: 'Numbers' })
      )
    );
    const numbers = created.map((customer) => customer.customerNumber);
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map((number) => Number(number.slice(2))).sort((a, b) => a - b);
    expect(sequence[49] - sequence[0]).toBe(49);
  });

  it('never reuses the number of a deleted customer', async () => {
    const first = await createCustomer({ firstName: 'Gone', lastName: 'Soon' });
    await app.api().delete(`/api/crm/customers/${first.documentId}`).expect(204);
    const second = await createCustomer({ firstName: 'Next', lastName: 'One' });
    expect(Number(second.customerNumber.slice(2))).toBe(Number(first.customerNumber.slice(2)) + 1);
  });
});
