import request from 'supertest';

import { contentManagerLabelMessages } from '../../src/plugins/crm/contracts';
import { useTestApp } from '../helpers/strapi';

// The content manager shows the CRM types as the plugin lays them out, until an admin changes them.
const app = useTestApp();
let token: string;

const http = () => request(app.strapi.server.httpServer);
const asAdmin = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
const configuration = async (uid: string) => {
  const response = await asAdmin(http().get(`/content-manager/content-types/${uid}/configuration`));
  expect(response.status).toBe(200);
  return response.body.data.contentType;
};
/** Saves a configuration as the admin's "Configure the view" does (it drops what the read adds to list metadata). */
const saveConfiguration = (uid: string, contentType: Record<string, any>) => {
  const { settings, layouts } = contentType;
  const metadatas = Object.fromEntries(
    Object.entries(contentType.metadatas as Record<string, any>).map(([name, metadata]) => {
      const { mainField: _mainField, ...list } = metadata.list;
      return [name, { ...metadata, list }];
    })
  );
  return asAdmin(
    http().put(`/content-manager/content-types/${uid}/configuration`).send({
      settings,
      metadatas,
      layouts,
    })
  );
};
const list = (uid: string, query: string) =>
  asAdmin(http().get(`/content-manager/collection-types/${uid}?${query}`));

/** What a restart does to the configurations: the content manager's sync, then the plugin's. */
const restart = async () => {
  await app.strapi.plugin('content-manager').service('content-types').syncConfigurations();
  return app.strapi.plugin('crm').service('content-manager-layouts').apply();
};

beforeAll(async () => {
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'layouts@crm.test',
    firstname: 'Layout',
    lastname: 'Admin',
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await http()
    .post('/admin/login')
    .send({ email: 'layouts@crm.test', password: 'Admin-Password-1' });
  token = login.body.data.token;
});

describe('the layouts written at start-up', () => {
  it('name customers by their display name, with human labels and useful columns', async () => {
    const customer = await configuration('plugin::crm.customer');
    expect(customer.settings.mainField).toBe('displayName');
    expect(customer.settings.defaultSortBy).toBe('displayName');
    expect(customer.metadatas.customerNumber.edit.label).toBe('Customer number');
    expect(customer.metadatas.customerNumber.edit.editable).toBe(false);
    expect(customer.metadatas.customerNumber.list.label).toBe('Customer number');
    expect(customer.metadatas.noEmail.edit.label).toBe('No e-mail');
    expect(customer.metadatas.dateOfBirth.edit.label).toBe('Date of birth');
    expect(customer.metadatas.primaryContact.edit.mainField).toBe('displayName');
    expect(customer.layouts.list).toEqual([
      'customerNumber',
      'displayName',
      'type',
      'status',
      'emails',
      'phones',
    ]);
    const rows = customer.layouts.edit.map((row: { name: string }[]) =>
      row.map((cell) => cell.name)
    );
    expect(rows[0]).toEqual(['type', 'customerNumber']);
    expect(rows.flat()).not.toContain('displayName');
    const order = rows.flat();
    // identity, then privacy and preferences, then working data, then contact data
    expect(order.indexOf('lastName')).toBeLessThan(order.indexOf('noEmail'));
    expect(order.indexOf('preferredContact')).toBeLessThan(order.indexOf('primaryContact'));
    expect(order.indexOf('primaryContact')).toBeLessThan(order.indexOf('addresses'));
    for (const row of customer.layouts.edit)
      expect(
        row.reduce((sum: number, cell: { size: number }) => sum + cell.size, 0)
      ).toBeLessThanOrEqual(12);
  });

  it('group contacts as their form does and show every relation by its name', async () => {
    const contact = await configuration('plugin::crm.contact');
    expect(contact.settings.mainField).toBe('displayName');
    expect(contact.layouts.list).toEqual(['displayName', 'company', 'jobTitle', 'email', 'active']);
    expect(contact.metadatas.company.edit.mainField).toBe('displayName');
    expect(contact.metadatas.company.edit.label).toBe('Company');
    expect(contact.metadatas.doNotEmail.edit.label).toBe('Do not send e-mails');
    const order = contact.layouts.edit.flat().map((cell: { name: string }) => cell.name);
    expect(order.indexOf('notes')).toBeLessThan(order.indexOf('company'));
    expect(order.indexOf('language')).toBeLessThan(order.indexOf('mobilePhone'));

    const list = await configuration('plugin::crm.marketing-list');
    expect(list.settings.mainField).toBe('name');
    expect(list.metadatas.members.edit.mainField).toBe('displayName');
    const address = await configuration('plugin::crm.address');
    expect(address.metadatas.customer.edit.mainField).toBe('displayName');
    expect(address.metadatas.postalCode.edit.label).toBe('Postal code');
    const connection = await configuration('plugin::crm.connection');
    expect(connection.metadatas.connectedCustomer.edit.mainField).toBe('displayName');
  });

  it('are valid for the content manager: an admin can save them back as they are', async () => {
    for (const uid of ['plugin::crm.customer', 'plugin::crm.contact', 'plugin::crm.import-job']) {
      const saved = await saveConfiguration(uid, await configuration(uid));
      expect([uid, saved.status, saved.body.error]).toEqual([uid, 200, undefined]);
    }
  });

  it('show the internal records read-only', async () => {
    for (const uid of [
      'plugin::crm.import-job',
      'plugin::crm.audit-log',
      'plugin::crm.merge',
      'plugin::crm.duplicate-scan',
      'plugin::crm.history-entry',
    ]) {
      const { metadatas } = await configuration(uid);
      for (const [name, metadata] of Object.entries(metadatas) as [string, any][]) {
        if (name === 'id' || name === 'documentId') continue;
        expect([name, metadata.edit.editable]).toEqual([name, false]);
      }
    }
    const forged = await asAdmin(
      http().post('/content-manager/collection-types/plugin::crm.duplicate-scan').send({
        object: 'customers',
        stage: 'done',
      })
    );
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
  });

  it('name the French and German labels under the content manager ids', () => {
    const fr = contentManagerLabelMessages('fr');
    expect(fr['content-manager.content-types.plugin::crm.customer.customerNumber']).toBe(
      'Numéro de client'
    );
    expect(
      contentManagerLabelMessages('de')[
        'content-manager.content-types.plugin::crm.customer.noEmail'
      ]
    ).toBe('Keine E-Mail');
    expect(contentManagerLabelMessages('en')).toEqual({});
  });
});

describe('searching and sorting by display name in the content manager', () => {
  it('finds customers and contacts by the names they are shown by', async () => {
    const api = app.api();
    const globex = (
      await api
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Globex Corporation' } })
    ).body.data;
    await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'Aaron', lastName: 'Able' } })
      .expect(201);
    await app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Hank', lastName: 'Scorpio', company: globex.documentId } })
      .expect(201);

    const found = await list('plugin::crm.customer', `_q=${encodeURIComponent('Globex Corp')}`);
    expect(found.status).toBe(200);
    expect(found.body.results.map((row: { displayName: string }) => row.displayName)).toEqual([
      `Globex Corporation (${globex.customerNumber})`,
    ]);
    const byNumber = await list('plugin::crm.customer', `_q=${globex.customerNumber}`);
    expect(byNumber.body.results.map((row: { documentId: string }) => row.documentId)).toContain(
      globex.documentId
    );

    const sorted = await list('plugin::crm.customer', 'sort=displayName:ASC&pageSize=100');
    const names = sorted.body.results.map((row: { displayName: string }) => row.displayName);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const descending = await list('plugin::crm.customer', 'sort=displayName:DESC&pageSize=100');
    expect(descending.body.results[0].displayName).toBe(names[names.length - 1]);

    const staff = await list('plugin::crm.contact', `_q=${encodeURIComponent('Scorpio — Globex')}`);
    expect(staff.status).toBe(200);
    expect(staff.body.results.map((row: { displayName: string }) => row.displayName)).toEqual([
      'Hank Scorpio — Globex Corporation',
    ]);
  });

  it('shows a relation by the display name of the record it points to', async () => {
    const contact = (await list('plugin::crm.contact', `_q=${encodeURIComponent('Hank Scorpio')}`))
      .body.results[0];
    const relation = await asAdmin(
      http().get(`/content-manager/relations/plugin::crm.contact/${contact.documentId}/company`)
    );
    expect(relation.status).toBe(200);
    expect(relation.body.results[0].displayName).toMatch(/^Globex Corporation \(C-\d+\)$/);
  });
});

describe('an admin change', () => {
  it('survives the next start, while untouched types are still written', async () => {
    const customer = await configuration('plugin::crm.customer');
    customer.metadatas.customerNumber.edit.label = 'Client no.';
    customer.metadatas.customerNumber.list.label = 'Client no.';
    customer.layouts.list = ['displayName', 'status'];
    expect((await saveConfiguration('plugin::crm.customer', customer)).status).toBe(200);

    // Contacts still show what the plugin wrote last (here an older layout of its own): written anew.
    const contact = await configuration('plugin::crm.contact');
    const store = app.strapi.store({ type: 'plugin', name: 'content_manager' });
    const key = 'configuration_content_types::plugin::crm.contact';
    const stored = (await store.get({ key })) as Record<string, any>;
    await store.set({
      key,
      value: { ...stored, layouts: { ...stored.layouts, list: ['firstName', 'lastName'] } },
    });
    const crmStore = app.strapi.store({ type: 'plugin', name: 'crm' });
    const record = (await crmStore.get({ key: 'content-manager-layouts' })) as Record<string, any>;
    record['plugin::crm.contact'] = {
      ...record['plugin::crm.contact'],
      layouts: { ...record['plugin::crm.contact'].layouts, list: ['firstName', 'lastName'] },
    };
    await crmStore.set({ key: 'content-manager-layouts', value: record });

    const result = await restart();
    expect(result.kept).toEqual(['plugin::crm.customer']);
    expect(result.written).toEqual(['plugin::crm.contact']);
    const after = await configuration('plugin::crm.customer');
    expect(after.metadatas.customerNumber.edit.label).toBe('Client no.');
    expect(after.layouts.list).toEqual(['displayName', 'status']);
    expect((await configuration('plugin::crm.contact')).layouts.list).toEqual(contact.layouts.list);

    // And again: nothing to write, the admin's change still kept.
    expect(await restart()).toEqual({ written: [], kept: ['plugin::crm.customer'] });
  });
});
