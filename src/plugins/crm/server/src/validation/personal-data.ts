import { z } from 'zod';

import { HISTORY_ACTIONS, HISTORY_ACTOR_TYPES, PERSONAL_DATA_FORMATS } from '../../../contracts';

/** `?format=`: the JSON document (default) or a zip of CSV files. */
export const personalDataQuery = z.object({
  format: z.enum(PERSONAL_DATA_FORMATS).default('json'),
});

const timestamp = z.string().describe('ISO 8601 date and time');
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const party = z.object({ name: z.string().nullable(), number: z.string().nullable() });
const login = z.object({ username: z.string().nullable(), email: z.string().nullable() });
const profileLinks = z.array(
  z.object({ service: z.string(), url: z.string(), username: z.string().optional() })
);
const record = z.record(z.union([scalar, party, login, profileLinks]));
const relation = z.object({ documentId: z.string(), label: z.string().nullable() });
const historyValue = z.union([scalar, relation, z.array(relation)]);
const actorRef = z.object({
  type: z.enum(HISTORY_ACTOR_TYPES),
  id: z.string().nullable(),
  name: z.string().nullable(),
});
const point = (fields: Record<string, z.ZodTypeAny>) =>
  z.object({
    documentId: z.string(),
    type: z.string().nullable(),
    ...fields,
    isPrimary: z.boolean().nullable(),
    createdAt: timestamp.nullable(),
    updatedAt: timestamp.nullable(),
  });
const text = z.string().nullable();

/** The JSON document of `GET /customers/:id/personal-data` and `/contacts/:id/personal-data`. */
export const personalDataResponse = z.object({
  data: z.object({
    subject: z.object({
      uid: z.enum(['plugin::crm.customer', 'plugin::crm.contact']),
      documentId: z.string(),
      label: text,
    }),
    exportedAt: timestamp,
    record,
    contactPoints: z.object({
      addresses: z.array(
        point({
          line1: text,
          line2: text,
          city: text,
          region: text,
          postalCode: text,
          country: text,
        })
      ),
      phones: z.array(point({ number: text })),
      emails: z.array(point({ address: text })),
    }),
    connections: z.array(
      z.object({
        documentId: z.string(),
        relationshipType: z.string(),
        title: text,
        direction: z.enum(['outgoing', 'incoming']),
        createdAt: timestamp.nullable(),
        other: party,
      })
    ),
    relationships: z.array(
      z.object({
        documentId: z.string(),
        kind: z.string(),
        type: text,
        label: z.string(),
        createdAt: timestamp.nullable(),
        other: party,
      })
    ),
    contacts: z.array(z.record(z.union([scalar, party, login, z.array(z.string())]))),
    customers: z.array(
      party.extend({ shares: z.array(z.string()), convertedFromSubject: z.boolean() })
    ),
    marketingLists: z.array(
      z.object({ contactDocumentId: z.string(), list: z.string(), channel: text })
    ),
    activity: z.array(
      z.object({
        contactDocumentId: z.string(),
        documentId: z.string(),
        body: z.string(),
        authorType: text,
        authorName: text,
        createdAt: timestamp.nullable(),
      })
    ),
    history: z.array(
      z.object({
        documentId: z.string(),
        at: timestamp,
        action: z.enum(HISTORY_ACTIONS),
        record: z.object({ uid: z.string(), documentId: z.string(), label: text }),
        actor: actorRef.extend({ onBehalfOf: actorRef.optional() }),
        origin: z.string().optional(),
        changes: z.array(
          z.object({ field: z.string(), before: historyValue, after: historyValue })
        ),
      })
    ),
    ssnReveals: z.array(
      z.object({
        at: timestamp.nullable(),
        outcome: z.string(),
        reason: text,
        actorType: text,
        actorName: text,
        ssn: text,
      })
    ),
  }),
  meta: z.object({}).passthrough(),
});
