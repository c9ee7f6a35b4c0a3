import type { UID } from '@strapi/strapi';

import { useTestApp } from '../helpers/strapi';

const app = useTestApp();

const demoData = () => app.strapi.plugin('crm').service('demo-data');
const count = (uid: UID.ContentType) => app.strapi.db.query(uid).count();

describe('demo data', () => {
  it('is not loaded outside `strapi develop`', async () => {
    expect(await demoData().loadOnce()).toBe(0);
    expect(await count('plugin::crm.customer')).toBe(0);
  });

  it('loads at least 20 individuals and 5 businesses with contact points, once', async () => {
    app.strapi.config.set('autoReload', true); // what `strapi develop` sets
    try {
      const loaded = await demoData().loadOnce();
      expect(loaded).toBeGreaterThanOrEqual(25);
      expect(await count('plugin::crm.customer')).toBe(loaded);
      const individuals = await app.strapi.db
        .query('plugin::crm.customer')
        .count({ where: { type: 'individual' } });
      expect(individuals).toBeGreaterThanOrEqual(20);
      expect(loaded - individuals).toBeGreaterThanOrEqual(5);
      for (const kind of ['address', 'phone', 'email'] as const) {
        expect(await count(`plugin::crm.${kind}`)).toBeGreaterThanOrEqual(loaded);
      }

      expect(await demoData().loadOnce()).toBe(0);
      expect(await count('plugin::crm.customer')).toBe(loaded);
    } finally {
      app.strapi.config.set('autoReload', false);
    }
  });
});
