import type { Core } from '@strapi/strapi';

import type { HistoryValue } from '../../../contracts';
import {
  HISTORY_RELATIONS,
  RELATED_LABEL_FIELDS,
  historyRecordLabel,
  historySubjects,
  isTrackedField,
  relatedLabel,
  relationList,
  type HistoryRecordKind,
  type Snapshot,
} from '../domain';

/** A record as an entry describes it: the snapshot, what it is called and whose history shows it. */
export interface RecordState {
  id: number;
  documentId: string;
  label: string | null;
  subjects: [string | null, string | null];
  snapshot: Snapshot;
}

type Row = Record<string, unknown> & { id: number; documentId: string };
type Attribute = { type: string; relation?: string };

/** Rows per `IN (…)` list. */
const CHUNK = 500;

const scalarValue = (value: unknown): HistoryValue => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
};

/**
 * Reads records as the history sees them, many at once: the tracked scalar fields as stored (the
 * SSN is stored masked; its ciphertext and hash are never read into a snapshot) and each relation
 * as the related records' documentIds and labels. One query per chunk and relation.
 */
export const createHistoryStates = (strapi: Core.Strapi) => {
  const attributesOf = (uid: string) =>
    strapi.db.metadata.get(uid as never).attributes as unknown as Record<string, Attribute>;

  return {
    async load(
      kind: HistoryRecordKind,
      uid: string,
      ids: readonly number[]
    ): Promise<Map<number, RecordState>> {
      const states = new Map<number, RecordState>();
      const unique = [...new Set(ids)];
      if (unique.length === 0) return states;
      const relations = HISTORY_RELATIONS[kind];
      const attributes = attributesOf(uid);
      const scalars = Object.entries(attributes)
        .filter(([name, attribute]) => attribute.type !== 'relation' && isTrackedField(name))
        .map(([name]) => name);
      const populate = Object.fromEntries(
        Object.entries(relations).map(([field, related]) => [
          field,
          { select: ['id', 'documentId', ...RELATED_LABEL_FIELDS[related]] },
        ])
      );
      for (let at = 0; at < unique.length; at += CHUNK) {
        const rows = (await strapi.db.query(uid as never).findMany({
          where: { id: { $in: unique.slice(at, at + CHUNK) } },
          select: ['id', 'documentId', 'displayName', ...scalars].filter(
            (name) => name in attributes || name === 'id' || name === 'documentId'
          ),
          populate,
        })) as Row[];
        for (const row of rows) {
          const snapshot: Snapshot = {};
          for (const field of scalars) snapshot[field] = scalarValue(row[field]);
          for (const [field, related] of Object.entries(relations)) {
            const value = row[field];
            const ref = (item: Row) => ({
              documentId: item.documentId,
              label: relatedLabel(related, item),
            });
            snapshot[field] = Array.isArray(value)
              ? relationList((value as Row[]).map(ref))
              : value
                ? ref(value as Row)
                : null;
          }
          states.set(row.id, {
            id: row.id,
            documentId: row.documentId,
            label: historyRecordLabel(kind, snapshot, row.displayName as string | undefined),
            subjects: historySubjects(kind, row.documentId, snapshot),
            snapshot,
          });
        }
      }
      return states;
    },
  };
};

export type HistoryStates = ReturnType<typeof createHistoryStates>;
