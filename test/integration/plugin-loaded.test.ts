import { startApp, type TestApp } from '../helpers/strapi';

// Strapi skips an unbuilt local plugin without a word; this is the test that notices.
describe('the crm plugin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('is loaded with its content types', () => {
    expect(app.strapi.plugin('crm')).toBeDefined();
    const uids = [
      'plugin::crm.customer',
      'plugin::crm.address',
      'plugin::crm.phone',
      'plugin::crm.email',
    ] as const;
    for (const uid of uids) {
      const model = app.strapi.contentType(uid);
      expect(model).toBeDefined();
      expect(model.options?.draftAndPublish).toBe(false);
    }
  });

  it('serves its routes under /api/crm', async () => {
    const response = await app.api().get('/api/crm/customers');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: [],
      meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } },
    });
  });

  it('does not load demo data in tests', async () => {
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(0);
  });
});
