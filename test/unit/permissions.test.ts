import {
  mayActOnEveryImport,
  mayChangeListMembership,
  mayReadApiDescription,
  type Caller,
} from '../../src/plugins/crm/server/src/permissions';

const token = (tokenType: string, actions: string[] = []): Caller => ({
  kind: 'token',
  tokenType,
  can: (action) => actions.includes(action),
});
const admin = (actions: string[]): Caller => ({
  kind: 'admin',
  can: (action) => actions.includes(action),
});
const user = (role: string | null): Caller => ({ kind: 'user', role });

describe('marketing list membership', () => {
  it.each([
    ['crm_sales', true],
    ['crm_manager', true],
    ['crm_admin', false],
    ['crm_marketeer', false],
    ['authenticated', false],
    [null, false],
  ])('is for a %s user: %p', (role, allowed) => {
    expect(mayChangeListMembership(user(role))).toBe(allowed);
  });

  it('follows the token type, and a custom token the members permission', () => {
    expect(mayChangeListMembership(token('full-access'))).toBe(true);
    expect(
      mayChangeListMembership(token('read-only', ['plugin::crm.marketing-list.addMembers']))
    ).toBe(false);
    expect(mayChangeListMembership(token('custom', ['plugin::crm.contact.update']))).toBe(false);
    expect(
      mayChangeListMembership(token('custom', ['plugin::crm.marketing-list.addMembers']))
    ).toBe(true);
  });

  it('leaves the content manager to admin RBAC and trusts server code, never nobody', () => {
    expect(mayChangeListMembership(admin([]))).toBe(true);
    expect(mayChangeListMembership({ kind: 'system' })).toBe(true);
    expect(mayChangeListMembership({ kind: 'anonymous' })).toBe(false);
  });
});

describe('acting on every import job', () => {
  it('is for crm_admin, full-access tokens, import admins and server code', () => {
    expect(mayActOnEveryImport(user('crm_admin'))).toBe(true);
    expect(mayActOnEveryImport(user('crm_manager'))).toBe(false);
    expect(mayActOnEveryImport(token('full-access'))).toBe(true);
    expect(mayActOnEveryImport(token('custom', ['plugin::crm.import.findOne']))).toBe(false);
    expect(mayActOnEveryImport(token('read-only'))).toBe(false);
    expect(mayActOnEveryImport(admin(['plugin::crm.import']))).toBe(true);
    expect(mayActOnEveryImport(admin(['plugin::crm.read']))).toBe(false);
    expect(mayActOnEveryImport({ kind: 'system' })).toBe(true);
    expect(mayActOnEveryImport({ kind: 'anonymous' })).toBe(false);
  });
});

describe("reading the API's description", () => {
  it('is for every CRM role, full-access and read-only tokens, and custom tokens holding any CRM permission', () => {
    for (const role of ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'])
      expect(mayReadApiDescription(user(role))).toBe(true);
    expect(mayReadApiDescription(user('authenticated'))).toBe(false);
    expect(mayReadApiDescription(user(null))).toBe(false);
    expect(mayReadApiDescription(token('full-access'))).toBe(true);
    expect(mayReadApiDescription(token('read-only'))).toBe(true);
    expect(mayReadApiDescription(token('custom', ['plugin::crm.import.log']))).toBe(true);
    expect(mayReadApiDescription(token('custom', ['plugin::users-permissions.user.find']))).toBe(
      false
    );
    expect(mayReadApiDescription(token('custom'))).toBe(false);
  });

  it('is not for anonymous callers, nor for admin-panel users on the content API', () => {
    expect(mayReadApiDescription({ kind: 'anonymous' })).toBe(false);
    expect(mayReadApiDescription(admin(['plugin::crm.read']))).toBe(false);
  });
});
