import { getService } from '../../src/plugins/crm/server/src/utils/get-service';
import { useTestApp } from '../helpers/strapi';

// The history session: states before and after a write, one entry per changed record.
const app = useTestApp();
const history = () => getService(app.strapi, 'history');

const customer = async (data: Record<string, unknown>) =>
  app.strapi.documents('plugin::crm.customer').create({ data: data as never });

describe('a history session', () => {
  it('writes one entry per changed record, in the write transaction, with its writer', async () => {
    const jane = await customer({ type: 'individual', firstName: 'Jane', lastName: 'Doe' });
    const writer = history().onBehalfOf('import', '7', 'import 7', {
      type: 'user',
      id: '3',
      name: 'jane.admin',
    });
    const entries = await app.strapi.db.transaction(async () => {
      const session = history().session(writer);
      await session.watch('plugin::crm.customer', [Number(jane.id)]);
      await app.strapi.db
        .query('plugin::crm.customer')
        .update({ where: { id: jane.id }, data: { lastName: 'Smith', ssn: '***-**-1234' } });
      return session.flush();
    });
    expect(entries).toHaveLength(1);
    const page = await history().repository.list(
      { subjectDocumentId: jane.documentId },
      { page: 1, pageSize: 10 }
    );
    // The create through the document service has its own entry, older.
    expect(page.total).toBe(2);
    expect(page.entries[0]).toMatchObject({
      action: 'update',
      record: { uid: 'plugin::crm.customer', documentId: jane.documentId },
      actor: {
        type: 'import',
        id: '7',
        name: 'import 7',
        onBehalfOf: { type: 'user', id: '3', name: 'jane.admin' },
      },
      changes: [
        { field: 'lastName', before: 'Doe', after: 'Smith' },
        { field: 'ssn', before: null, after: '***-**-1234' },
      ],
    });
    const byField = await history().repository.list(
      { subjectDocumentId: jane.documentId, field: 'firstName' },
      { page: 1, pageSize: 10 }
    );
    expect(byField.entries.map((entry) => entry.action)).toEqual(['create']);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const joe = await customer({ type: 'individual', firstName: 'Joe', lastName: 'Roe' });
    await expect(
      app.strapi.db.transaction(async () => {
        const session = history().session();
        await session.watch('plugin::crm.customer', [Number(joe.id)]);
        await app.strapi.db
          .query('plugin::crm.customer')
          .update({ where: { id: joe.id }, data: { lastName: 'Poe' } });
        await session.flush();
        throw new Error('rolled back');
      })
    ).rejects.toThrow('rolled back');
    const page = await history().repository.list(
      { subjectDocumentId: joe.documentId },
      { page: 1, pageSize: 10 }
    );
    expect(page.entries.map((entry) => entry.action)).toEqual(['create']);
  });

  it('records a created record and relations by documentId and label', async () => {
    const acme = await customer({ type: 'business', businessName: 'Acme' });
    const entries = await app.strapi.db.transaction(async () => {
      const session = history().session();
      const email = await app.strapi.documents('plugin::crm.email').create({
        data: { type: 'work', address: 'info@acme.test', customer: acme.documentId } as never,
      });
      session.created('plugin::crm.email', [Number(email.id)]);
      return session.flush();
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'create',
      subjectDocumentId: acme.documentId,
      record: { uid: 'plugin::crm.email', label: 'info@acme.test' },
      actor: { type: 'system' },
    });
    expect(entries[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'address', before: null, after: 'info@acme.test' },
        {
          field: 'customer',
          before: null,
          after: { documentId: acme.documentId, label: expect.stringContaining('Acme') },
        },
      ])
    );
  });
});
