import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as contracts from '../../src/plugins/crm/contracts';
import * as domain from '../../src/plugins/crm/server/src/domain';
import * as permissions from '../../src/plugins/crm/server/src/permissions';
import * as actor from '../../src/plugins/crm/server/src/utils/actor';

// Each enumeration of a content type has its values in the contracts, which the server's rules and
// the admin pages share: the lists must not drift apart.
const CONTRACT_LISTS: Record<string, readonly string[]> = {
  'customer.type': contracts.CUSTOMER_TYPES,
  'customer.gender': contracts.GENDERS,
  'customer.maritalStatus': contracts.MARITAL_STATUSES,
  'customer.preferredContact': contracts.PREFERRED_CONTACTS,
  'customer.status': contracts.CUSTOMER_STATUSES,
  'address.type': contracts.CONTACT_POINT_TYPES.address,
  'phone.type': contracts.CONTACT_POINT_TYPES.phone,
  'email.type': contracts.CONTACT_POINT_TYPES.email,
  'connection.relationshipType': contracts.CONNECTION_TYPES,
  'relationship.kind': contracts.RELATIONSHIP_KINDS,
  'relationship.type': contracts.LOOSE_TYPES,
  'contact.contactPreference': contracts.CONTACT_PREFERENCES,
  'marketing-list.channel': contracts.MARKETING_CHANNELS,
  'import-job.object': contracts.IMPORT_OBJECTS,
  'import-job.stage': contracts.IMPORT_STAGES,
  'import-job.ownerType': contracts.ACTOR_TYPES,
  'duplicate-scan.object': contracts.IMPORT_OBJECTS,
  'duplicate-scan.stage': contracts.DUPLICATE_SCAN_STAGES,
  'duplicate-scan.ownerType': contracts.ACTOR_TYPES,
  'activity.authorType': contracts.ACTOR_TYPES,
  'audit-log.actorType': contracts.ACTOR_TYPES,
  'audit-log.outcome': contracts.AUDIT_OUTCOMES,
  'history-entry.action': contracts.HISTORY_ACTIONS,
  'history-entry.actorType': contracts.HISTORY_ACTOR_TYPES,
  'erasure.kind': contracts.ERASURE_KINDS,
};

// The names the server's rules read: each must be the contracts' list itself, not a copy.
const SHARED_NAMES = [
  'CUSTOMER_TYPES',
  'GENDERS',
  'MARITAL_STATUSES',
  'PREFERRED_CONTACTS',
  'CUSTOMER_STATUSES',
  'CONTACT_POINT_KINDS',
  'CONTACT_POINT_TYPES',
  'CONTACT_POINT_PLURALS',
  'DEFAULT_CONTACT_POINT_LIMITS',
  'CONNECTION_TYPES',
  'RELATIONSHIP_KINDS',
  'LOOSE_TYPES',
  'CONTACT_PREFERENCES',
  'MARKETING_CHANNELS',
  'IMPORT_OBJECTS',
  'IMPORT_STAGES',
  'EDITABLE_IMPORT_STAGES',
] as const;

const root = join(__dirname, '../../src/plugins/crm/server/src/content-types');
const enumerations = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const schema = JSON.parse(readFileSync(join(root, entry.name, 'schema.json'), 'utf8')) as {
      attributes: Record<string, { type: string; enum?: string[] }>;
    };
    return Object.entries(schema.attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([name, attribute]) => [`${entry.name}.${name}`, attribute.enum ?? []] as const);
  });

describe('content-type enumerations', () => {
  it('are all known to the contracts', () => {
    expect(enumerations.map(([name]) => name).sort()).toEqual(Object.keys(CONTRACT_LISTS).sort());
  });

  it.each(enumerations)("%s has the contracts' values, in its order", (name, values) => {
    expect(values).toEqual([...CONTRACT_LISTS[name]]);
  });
});

describe('the server', () => {
  it.each(SHARED_NAMES)('reads %s from the contracts', (name) => {
    expect(domain[name]).toBe(contracts[name]);
  });

  it('names actors and admin actions from the contracts', () => {
    expect(actor.ACTOR_TYPES).toBe(contracts.ACTOR_TYPES);
    expect(permissions.ADMIN_ACTIONS).toBe(contracts.ADMIN_ACTIONS);
    expect(permissions.adminAction('ssn.reveal')).toBe('plugin::crm.ssn.reveal');
  });
});
