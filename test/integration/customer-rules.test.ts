import { useTestApp } from '../helpers/strapi';
import {
  documentsWriter,
  restWriter,
  storedPoints,
  type WriteResult,
  type Writer,
} from '../helpers/writers';

const app = useTestApp();

const ok = (result: WriteResult) => {
  if (!result.ok) throw new Error(`expected success, got ${result.status}: ${result.message}`);
  return result.data;
};
const refused = (result: WriteResult, status: number, message: string | RegExp) => {
  if (result.ok)
    throw new Error(`expected a ${status}, got success: ${JSON.stringify(result.data)}`);
  expect(result.status).toBe(status);
  expect(result.message).toMatch(message);
};

const person = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  ...overrides,
});
const futureDate = () => new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);

describe.each([
  ['REST', restWriter],
  ['document service', documentsWriter],
])('customer rules through %s', (_name, make) => {
  let write: Writer;
  beforeAll(() => {
    write = make(app);
  });

  describe('customers', () => {
    it('creates an individual with defaults and a customer number', async () => {
      const customer = ok(await write.createCustomer(person()));
      expect(customer).toMatchObject({
        type: 'individual',
        firstName: 'Ada',
        lastName: 'Lovelace',
        status: 'active',
        noEmail: false,
        noMail: false,
        noPhoneCalls: false,
        preferredContact: null,
      });
      expect(customer.customerNumber).toMatch(/^C-\d{6,}$/);
      expect(typeof customer.documentId).toBe('string');
    });

    it('requires first and last name of an individual', async () => {
      refused(
        await write.createCustomer({ lastName: 'Only' }),
        400,
        'an individual customer needs a firstName'
      );
      refused(
        await write.createCustomer({ firstName: 'Only' }),
        400,
        'an individual customer needs a lastName'
      );
      refused(
        await write.createCustomer({ firstName: '   ', lastName: 'Blank' }),
        400,
        'needs a firstName'
      );
    });

    it('requires the business name of a business', async () => {
      refused(
        await write.createCustomer({ type: 'business' }),
        400,
        'a business customer needs a businessName'
      );
      const business = ok(
        await write.createCustomer({ type: 'business', businessName: ' Acme Inc ' })
      );
      expect(business.businessName).toBe('Acme Inc');
      expect(business.firstName).toBeNull();
    });

    it('refuses a date of birth in the future and accepts a past one', async () => {
      refused(
        await write.createCustomer(person({ dateOfBirth: futureDate() })),
        400,
        'dateOfBirth cannot be in the future'
      );
      const customer = ok(await write.createCustomer(person({ dateOfBirth: '1815-12-10' })));
      expect(customer.dateOfBirth).toBe('1815-12-10');
    });

    it('refuses values outside the enums', async () => {
      refused(await write.createCustomer(person({ type: 'robot' })), 400, /type/);
      refused(
        await write.createCustomer(person({ preferredContact: 'pigeon' })),
        400,
        /preferredContact/
      );
      refused(await write.createCustomer(person({ status: 'gone' })), 400, /status/);
      refused(
        await write.createCustomer(person({ maritalStatus: 'complicated' })),
        400,
        /maritalStatus/
      );
    });

    it('refuses wrong types and oversized strings', async () => {
      refused(await write.createCustomer(person({ firstName: 42 })), 400, /firstName/);
      refused(await write.createCustomer(person({ noEmail: 'yes' })), 400, /noEmail/);
      refused(await write.createCustomer(person({ lastName: 'x'.repeat(5000) })), 400, /lastName/);
    });

    it('keeps the customer number read-only', async () => {
      // REST refuses the key outright; server code may pass it, and it is ignored.
      const attempt = await write.createCustomer(person({ customerNumber: 'C-999999' }));
      if (!attempt.ok) expect(attempt.message).toMatch(/customerNumber/);
      else expect(attempt.data.customerNumber).not.toBe('C-999999');
      const customer = ok(await write.createCustomer(person()));
      const changed = await write.updateCustomer(customer.documentId, {
        customerNumber: 'C-000001',
      });
      refused(changed, 400, /customerNumber/);
      const stored = await app.strapi.db
        .query('plugin::crm.customer')
        .findOne({ where: { documentId: customer.documentId } });
      expect(stored.customerNumber).toBe(customer.customerNumber);
    });

    it('validates the resulting record on update', async () => {
      const customer = ok(await write.createCustomer(person()));
      refused(
        await write.updateCustomer(customer.documentId, { lastName: null }),
        400,
        'needs a lastName'
      );
      refused(
        await write.updateCustomer(customer.documentId, { type: 'business' }),
        400,
        'needs a businessName'
      );
      const updated = ok(
        await write.updateCustomer(customer.documentId, {
          type: 'business',
          businessName: 'Analytical Engines',
        })
      );
      expect(updated).toMatchObject({
        type: 'business',
        businessName: 'Analytical Engines',
        firstName: 'Ada',
      });
    });

    it('answers 404 for unknown customers', async () => {
      refused(
        await write.updateCustomer('doesnotexist000000000000', { firstName: 'X' }),
        404,
        /not found/i
      );
      refused(await write.deleteCustomer('doesnotexist000000000000'), 404, /not found/i);
    });
  });

  describe('contact points', () => {
    let customerId: string;
    beforeEach(async () => {
      customerId = ok(await write.createCustomer(person())).documentId;
    });

    it('makes the first point of each kind primary, and only the first', async () => {
      const first = ok(
        await write.createPoint('phone', {
          type: 'home',
          number: '(415) 555-2671',
          customer: customerId,
        })
      );
      const second = ok(
        await write.createPoint('phone', {
          type: 'cell',
          number: '415 555 2672',
          customer: customerId,
        })
      );
      expect(first.isPrimary).toBe(true);
      expect(second.isPrimary).toBe(false);
      const email = ok(
        await write.createPoint('email', { address: 'ada@example.com', customer: customerId })
      );
      expect(email.isPrimary).toBe(true);
    });

    it('normalises phones to E.164 and refuses invalid numbers', async () => {
      const phone = ok(
        await write.createPoint('phone', { number: '(415) 555-2671', customer: customerId })
      );
      expect(phone.number).toBe('+14155552671');
      expect(phone.type).toBe('home');
      refused(
        await write.createPoint('phone', { type: 'cell', number: '12', customer: customerId }),
        400,
        'is not a valid phone number'
      );
      refused(
        await write.createPoint('phone', { type: 'cell', number: 'call me', customer: customerId }),
        400,
        'is not a valid phone number'
      );
    });

    it('lower-cases emails and refuses invalid ones', async () => {
      const email = ok(
        await write.createPoint('email', {
          address: '  Ada.Lovelace@Example.COM ',
          customer: customerId,
        })
      );
      expect(email.address).toBe('ada.lovelace@example.com');
      refused(
        await write.createPoint('email', {
          type: 'work',
          address: 'not-an-email',
          customer: customerId,
        }),
        400,
        'is not a valid email address'
      );
    });

    it('validates addresses', async () => {
      refused(
        await write.createPoint('address', { city: 'London', customer: customerId }),
        400,
        'an address needs line1'
      );
      refused(
        await write.createPoint('address', { line1: '1 Main St', customer: customerId }),
        400,
        'an address needs a city'
      );
      refused(
        await write.createPoint('address', {
          line1: '1 Main St',
          city: 'X',
          country: 'XX',
          customer: customerId,
        }),
        400,
        'ISO 3166-1 alpha-2'
      );
      const address = ok(
        await write.createPoint('address', {
          line1: '1 Main St',
          city: 'London',
          country: 'gb',
          customer: customerId,
        })
      );
      expect(address).toMatchObject({ type: 'physical', country: 'GB', isPrimary: true });
    });

    it('requires a customer', async () => {
      refused(
        await write.createPoint('phone', { number: '(415) 555-2671' }),
        400,
        'a phone must belong to a customer'
      );
      refused(
        await write.createPoint('phone', {
          number: '(415) 555-2671',
          customer: 'nosuchcustomer00000000000',
        }),
        400,
        'does not exist'
      );
    });

    it('allows one point of each type and at most 5 addresses, 4 phones, 2 emails for an individual', async () => {
      ok(
        await write.createPoint('email', {
          type: 'personal',
          address: 'a@example.com',
          customer: customerId,
        })
      );
      refused(
        await write.createPoint('email', {
          type: 'personal',
          address: 'b@example.com',
          customer: customerId,
        }),
        400,
        'an individual can have only one personal email'
      );
      ok(
        await write.createPoint('email', {
          type: 'work',
          address: 'c@example.com',
          customer: customerId,
        })
      );
      expect(await storedPoints(app, 'email', customerId)).toHaveLength(2);

      for (const [i, type] of ['physical', 'garage', 'mailing', 'previous', 'work'].entries()) {
        ok(
          await write.createPoint('address', {
            type,
            line1: `${i} Main St`,
            city: 'Boston',
            customer: customerId,
          })
        );
      }
      refused(
        await write.createPoint('address', {
          type: 'work',
          line1: '9 Main St',
          city: 'Boston',
          customer: customerId,
        }),
        400,
        /an individual can have (at most 5 addresses|only one work address)/
      );
      expect(await storedPoints(app, 'address', customerId)).toHaveLength(5);
    });

    it('switches the primary and un-marks the old one', async () => {
      const home = ok(
        await write.createPoint('phone', {
          type: 'home',
          number: '(415) 555-2671',
          customer: customerId,
        })
      );
      const cell = ok(
        await write.createPoint('phone', {
          type: 'cell',
          number: '(415) 555-2672',
          customer: customerId,
        })
      );
      const updated = ok(await write.updatePoint('phone', cell.documentId, { isPrimary: true }));
      expect(updated.isPrimary).toBe(true);
      const stored = await storedPoints(app, 'phone', customerId);
      expect(stored.filter((p) => p.isPrimary).map((p) => p.documentId)).toEqual([cell.documentId]);
      expect(stored.find((p) => p.documentId === home.documentId)!.isPrimary).toBe(false);
    });

    it('creating a point marked primary takes over', async () => {
      ok(
        await write.createPoint('email', {
          type: 'personal',
          address: 'a@example.com',
          customer: customerId,
        })
      );
      const work = ok(
        await write.createPoint('email', {
          type: 'work',
          address: 'w@example.com',
          isPrimary: true,
          customer: customerId,
        })
      );
      expect(work.isPrimary).toBe(true);
      const stored = await storedPoints(app, 'email', customerId);
      expect(stored.filter((p) => p.isPrimary)).toHaveLength(1);
    });

    it('un-marking the primary promotes the oldest other point, and the only point stays primary', async () => {
      const a = ok(
        await write.createPoint('phone', {
          type: 'home',
          number: '(415) 555-2671',
          customer: customerId,
        })
      );
      refused(
        await write.updatePoint('phone', a.documentId, { isPrimary: false }),
        400,
        'the only phone of a customer is its primary'
      );
      const b = ok(
        await write.createPoint('phone', {
          type: 'cell',
          number: '(415) 555-2672',
          customer: customerId,
        })
      );
      ok(await write.updatePoint('phone', a.documentId, { isPrimary: false }));
      const stored = await storedPoints(app, 'phone', customerId);
      expect(stored.filter((p) => p.isPrimary).map((p) => p.documentId)).toEqual([b.documentId]);
    });

    it('deleting the primary promotes the oldest remaining point', async () => {
      const a = ok(
        await write.createPoint('phone', {
          type: 'home',
          number: '(415) 555-2671',
          customer: customerId,
        })
      );
      const b = ok(
        await write.createPoint('phone', {
          type: 'cell',
          number: '(415) 555-2672',
          customer: customerId,
        })
      );
      const c = ok(
        await write.createPoint('phone', {
          type: 'work',
          number: '(415) 555-2673',
          customer: customerId,
        })
      );
      ok(await write.deletePoint('phone', a.documentId));
      let stored = await storedPoints(app, 'phone', customerId);
      expect(stored.filter((p) => p.isPrimary).map((p) => p.documentId)).toEqual([b.documentId]);
      ok(await write.deletePoint('phone', c.documentId));
      stored = await storedPoints(app, 'phone', customerId);
      expect(stored.filter((p) => p.isPrimary).map((p) => p.documentId)).toEqual([b.documentId]);
    });

    it('validates the resulting point on update', async () => {
      const phone = ok(
        await write.createPoint('phone', {
          type: 'home',
          number: '(415) 555-2671',
          customer: customerId,
        })
      );
      refused(
        await write.updatePoint('phone', phone.documentId, { number: '999' }),
        400,
        'is not a valid phone number'
      );
      const updated = ok(
        await write.updatePoint('phone', phone.documentId, { number: '+44 20 7946 0958' })
      );
      expect(updated.number).toBe('+442079460958');
      ok(
        await write.createPoint('phone', {
          type: 'cell',
          number: '(415) 555-2672',
          customer: customerId,
        })
      );
      refused(
        await write.updatePoint('phone', phone.documentId, { type: 'cell' }),
        400,
        'only one cell phone'
      );
      refused(
        await write.updatePoint('phone', phone.documentId, { customer: null }),
        400,
        'must belong to a customer'
      );
    });

    it("moving a point to another customer applies that customer's limits and primaries", async () => {
      const other = ok(await write.createCustomer(person({ firstName: 'Other' })));
      const own = ok(
        await write.createPoint('email', {
          type: 'personal',
          address: 'mine@example.com',
          customer: customerId,
        })
      );
      const theirs = ok(
        await write.createPoint('email', {
          type: 'work',
          address: 'theirs@example.com',
          customer: other.documentId,
        })
      );
      const moved = ok(
        await write.updatePoint('email', own.documentId, { customer: other.documentId })
      );
      expect(moved.isPrimary).toBe(false);
      const stored = await storedPoints(app, 'email', other.documentId);
      expect(stored.map((p) => [p.documentId, p.isPrimary])).toEqual(
        [
          [own.documentId, false],
          [theirs.documentId, true],
        ].sort(
          (x, y) =>
            stored.findIndex((p) => p.documentId === x[0]) -
            stored.findIndex((p) => p.documentId === y[0])
        )
      );
      expect(await storedPoints(app, 'email', customerId)).toHaveLength(0);
    });

    it('answers 404 for unknown points', async () => {
      refused(
        await write.updatePoint('phone', 'nosuchphone0000000000000', { number: '(415) 555-2671' }),
        404,
        /not found/i
      );
      refused(await write.deletePoint('phone', 'nosuchphone0000000000000'), 404, /not found/i);
    });
  });

  describe('a customer with nested contact points', () => {
    const full = (): Record<string, any> =>
      person({
        addresses: [
          { type: 'physical', line1: '12 St James Square', city: 'London', country: 'GB' },
          { type: 'mailing', line1: 'PO Box 1', city: 'London', country: 'GB', isPrimary: true },
        ],
        phones: [
          { type: 'cell', number: '+44 7911 123456' },
          { type: 'home', number: '(415) 555-2671' },
        ],
        emails: [{ address: 'ADA@Example.com' }],
      });

    it('is created in one write, with the rules applied to every point', async () => {
      const customer = ok(await write.createCustomer(full()));
      expect(customer.addresses).toHaveLength(2);
      expect(customer.phones.map((p: any) => p.number).sort()).toEqual([
        '+14155552671',
        '+447911123456',
      ]);
      expect(customer.emails[0]).toMatchObject({
        address: 'ada@example.com',
        type: 'personal',
        isPrimary: true,
      });
      const addresses = await storedPoints(app, 'address', customer.documentId);
      expect(addresses.filter((a) => a.isPrimary).map((a) => a.line1)).toEqual(['PO Box 1']);
      const phones = await storedPoints(app, 'phone', customer.documentId);
      expect(phones.filter((p) => p.isPrimary).map((p) => p.number)).toEqual(['+447911123456']);
    });

    it('saves nothing when one nested point breaks a rule', async () => {
      const customers = () => app.strapi.db.query('plugin::crm.customer').count();
      const phones = () => app.strapi.db.query('plugin::crm.phone').count();
      const addresses = () => app.strapi.db.query('plugin::crm.address').count();
      const before = [await customers(), await phones(), await addresses()];
      const data = full();
      (data.phones as any[])[1].number = 'not a phone';
      const result = await write.createCustomer(data);
      refused(result, 400, /phones\[1\].*is not a valid phone number/);
      expect([await customers(), await phones(), await addresses()]).toEqual(before);

      const tooMany = person({
        emails: [
          { type: 'personal', address: 'a@x.com' },
          { type: 'work', address: 'b@x.com' },
          { type: 'work', address: 'c@x.com' },
        ],
      });
      refused(
        await write.createCustomer(tooMany),
        400,
        /emails\[2\].*(at most 2 emails|only one work email)/
      );
      expect([await customers(), await phones(), await addresses()]).toEqual(before);
    });

    it('replaces the points of a kind on update, atomically', async () => {
      const customer = ok(await write.createCustomer(full()));
      const [keep] = customer.phones;
      const updated = ok(
        await write.updateCustomer(customer.documentId, {
          phones: [
            { documentId: keep.documentId },
            { type: 'work', number: '(617) 555-0199', isPrimary: true },
          ],
        })
      );
      expect(updated.phones).toHaveLength(2);
      const phones = await storedPoints(app, 'phone', customer.documentId);
      expect(phones.map((p) => p.number).sort()).toEqual([keep.number, '+16175550199'].sort());
      expect(phones.filter((p) => p.isPrimary).map((p) => p.number)).toEqual(['+16175550199']);

      refused(
        await write.updateCustomer(customer.documentId, {
          firstName: 'Changed',
          phones: [{ type: 'work', number: 'nope' }],
        }),
        400,
        /phones\[0\]/
      );
      const stored = await app.strapi.db
        .query('plugin::crm.customer')
        .findOne({ where: { documentId: customer.documentId } });
      expect(stored.firstName).toBe('Ada');
      expect(await storedPoints(app, 'phone', customer.documentId)).toHaveLength(2);
    });

    it('allows a type change whose points fit the new type', async () => {
      const customer = ok(await write.createCustomer(full()));
      ok(
        await write.updateCustomer(customer.documentId, {
          type: 'business',
          businessName: 'Engines Ltd',
        })
      );
    });

    it('deletes the contact points with the customer', async () => {
      const customer = ok(await write.createCustomer(full()));
      ok(await write.deleteCustomer(customer.documentId));
      for (const kind of ['address', 'phone', 'email'] as const) {
        expect(await storedPoints(app, kind, customer.documentId)).toHaveLength(0);
      }
      const orphans = await app.strapi.db
        .query('plugin::crm.phone')
        .findMany({ where: { customer: { id: { $null: true } } } });
      expect(orphans).toHaveLength(0);
    });
  });
});

describe('configurable limits', () => {
  afterEach(() => {
    app.strapi.config.set('plugin::crm.contactPointLimits', {});
  });

  it('lets a business have more phones, and several of a type, when the plugin config says so', async () => {
    app.strapi.config.set('plugin::crm.contactPointLimits', {
      business: { phone: 6, onePerType: false },
    });
    const write = documentsWriter(app);
    const business = ok(
      await write.createCustomer({ type: 'business', businessName: 'Call Centre Ltd' })
    );
    for (let i = 0; i < 6; i += 1) {
      ok(
        await write.createPoint('phone', {
          type: 'work',
          number: `(617) 555-01${10 + i}`,
          customer: business.documentId,
        })
      );
    }
    refused(
      await write.createPoint('phone', {
        type: 'work',
        number: '(617) 555-0199',
        customer: business.documentId,
      }),
      400,
      'a business can have at most 6 phones'
    );
    const individual = ok(await write.createCustomer(person()));
    ok(
      await write.createPoint('phone', {
        type: 'work',
        number: '(617) 555-0120',
        customer: individual.documentId,
      })
    );
    refused(
      await write.createPoint('phone', {
        type: 'work',
        number: '(617) 555-0121',
        customer: individual.documentId,
      }),
      400,
      'an individual can have only one work phone'
    );
  });

  it('refuses turning a business into an individual when its points exceed the individual limits', async () => {
    app.strapi.config.set('plugin::crm.contactPointLimits', {
      business: { email: 3, onePerType: false },
    });
    const write = documentsWriter(app);
    const business = ok(
      await write.createCustomer({
        type: 'business',
        businessName: 'Many Mailboxes',
        emails: [
          { type: 'work', address: 'a@mm.example' },
          { type: 'work', address: 'b@mm.example' },
        ],
      })
    );
    refused(
      await write.updateCustomer(business.documentId, {
        type: 'individual',
        firstName: 'Now',
        lastName: 'Person',
      }),
      400,
      'an individual can have only one work email'
    );
    const stored = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { documentId: business.documentId } });
    expect(stored.type).toBe('business');
  });
});
