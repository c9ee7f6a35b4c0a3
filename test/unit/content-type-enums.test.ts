import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  CONNECTION_TYPES,
  CONTACT_POINT_TYPES,
  CONTACT_PREFERENCES,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  GENDERS,
  IMPORT_OBJECTS,
  IMPORT_STAGES,
  LOOSE_TYPES,
  MARITAL_STATUSES,
  MARKETING_CHANNELS,
  PREFERRED_CONTACTS,
  RELATIONSHIP_KINDS,
} from '../../src/plugins/crm/server/src/domain';
import { ACTOR_TYPES } from '../../src/plugins/crm/server/src/utils/actor';

// Each enumeration of a content type has its values in the domain, where the rules use them: the
// two lists must not drift apart.
const DOMAIN_LISTS: Record<string, readonly string[]> = {
  'customer.type': CUSTOMER_TYPES,
  'customer.gender': GENDERS,
  'customer.maritalStatus': MARITAL_STATUSES,
  'customer.preferredContact': PREFERRED_CONTACTS,
  'customer.status': CUSTOMER_STATUSES,
  'address.type': CONTACT_POINT_TYPES.address,
  'phone.type': CONTACT_POINT_TYPES.phone,
  'email.type': CONTACT_POINT_TYPES.email,
  'connection.relationshipType': CONNECTION_TYPES,
  'relationship.kind': RELATIONSHIP_KINDS,
  'relationship.type': LOOSE_TYPES,
  'contact.contactPreference': CONTACT_PREFERENCES,
  'marketing-list.channel': MARKETING_CHANNELS,
  'import-job.object': IMPORT_OBJECTS,
  'import-job.stage': IMPORT_STAGES,
  'import-job.ownerType': ACTOR_TYPES,
  'activity.authorType': ACTOR_TYPES,
  'audit-log.actorType': ACTOR_TYPES,
  'audit-log.outcome': ['allowed', 'refused'],
};

const root = join(__dirname, '../../src/plugins/crm/server/src/content-types');
const enumerations = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const schema = JSON.parse(readFileSync(join(root, entry.name, 'schema.json'), 'utf8')) as { attributes: Record<string, { type: string; enum?: string[] }> };
    return Object.entries(schema.attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([name, attribute]) => [`${entry.name}.${name}`, attribute.enum ?? []] as const);
  });

describe('content-type enumerations', () => {
  it('are all known to the domain', () => {
    expect(enumerations.map(([name]) => name).sort()).toEqual(Object.keys(DOMAIN_LISTS).sort());
  });

  it.each(enumerations)('%s has the domain\'s values, in its order', (name, values) => {
    expect(values).toEqual([...DOMAIN_LISTS[name]]);
  });
});
