/**
 * Reads the target of a to-one relation from any of the shapes Strapi accepts in `data`:
 * a documentId string, `{ documentId }`, `{ id }`, an array of those, or
 * `{ connect, disconnect, set }` (what the content manager sends).
 */
export type RelationRef = { documentId: string } | { id: number };
export type RelationChange =
  { kind: 'unchanged' } | { kind: 'clear' } | { kind: 'set'; ref: RelationRef };

/** Row ids are PostgreSQL `integer`s: a larger number names no row, and a query with it fails. */
export const MAX_ROW_ID = 2_147_483_647;
export const isRowId = (id: number) => Number.isSafeInteger(id) && id >= 1 && id <= MAX_ROW_ID;

/** The where clause that finds the row a reference names; undefined when no row can have that id. */
export const whereRef = (ref: RelationRef): { id: number } | { documentId: string } | undefined =>
  'id' in ref ? (isRowId(ref.id) ? { id: ref.id } : undefined) : { documentId: ref.documentId };

const toRef = (value: unknown): RelationRef | undefined => {
  if (typeof value === 'string' && value.length > 0) return { documentId: value };
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (value && typeof value === 'object') {
    const { documentId, id } = value as { documentId?: unknown; id?: unknown };
    if (typeof documentId === 'string' && documentId.length > 0) return { documentId };
    if (typeof id === 'number' && Number.isInteger(id)) return { id };
    if (typeof id === 'string' && /^\d+$/.test(id)) return { id: Number(id) };
  }
  return undefined;
};

const lastRef = (values: unknown): RelationRef | undefined => {
  const list = Array.isArray(values) ? values : [values];
  const refs = list.map(toRef).filter((ref): ref is RelationRef => ref !== undefined);
  return refs[refs.length - 1];
};

const isEmptyList = (value: unknown) =>
  value === undefined || (Array.isArray(value) && value.length === 0);

export const readToOneChange = (value: unknown): RelationChange => {
  if (value === undefined) return { kind: 'unchanged' };
  if (value === null) return { kind: 'clear' };
  if (Array.isArray(value)) {
    const ref = lastRef(value);
    return ref ? { kind: 'set', ref } : { kind: 'clear' };
  }
  if (
    typeof value === 'object' &&
    ('connect' in value || 'disconnect' in value || 'set' in value)
  ) {
    const { connect, disconnect, set } = value as {
      connect?: unknown;
      disconnect?: unknown;
      set?: unknown;
    };
    if (set !== undefined) {
      const ref = lastRef(set);
      return ref ? { kind: 'set', ref } : { kind: 'clear' };
    }
    const connected = isEmptyList(connect) ? undefined : lastRef(connect);
    if (connected) return { kind: 'set', ref: connected };
    return isEmptyList(disconnect) ? { kind: 'unchanged' } : { kind: 'clear' };
  }
  const ref = toRef(value);
  return ref ? { kind: 'set', ref } : { kind: 'clear' };
};

/** True for `{ connect: [], disconnect: [] }` and the like: a relation field that was left alone. */
export const isNoOpRelationChange = (value: unknown): boolean => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => ['connect', 'disconnect', 'set'].includes(key) && key !== 'set') &&
    keys.every((key) => isEmptyList((value as Record<string, unknown>)[key]))
  );
};

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** What a write asks of a to-many relation: nothing, a whole new set, or links added and removed. */
export type ToManyChange =
  | { kind: 'unchanged' }
  | { kind: 'set'; refs: RelationRef[]; unreadable: number }
  | { kind: 'delta'; connect: RelationRef[]; disconnect: RelationRef[]; unreadable: number };

const refsOf = (values: unknown): { refs: RelationRef[]; unreadable: number } => {
  const list =
    values === undefined || values === null ? [] : Array.isArray(values) ? values : [values];
  const refs = list.map(toRef);
  return {
    refs: refs.filter((ref): ref is RelationRef => ref !== undefined),
    unreadable: refs.filter((ref) => ref === undefined).length,
  };
};

/**
 * Reads a to-many relation value in any shape Strapi accepts: a list of documentIds, ids or
 * `{ documentId | id }`, a single one, null (no links), or `{ connect, disconnect, set }`.
 * `unreadable` counts the items that name no record, so a caller can tell "no change" from
 * "a change it cannot read".
 */
export const readToManyChange = (value: unknown): ToManyChange => {
  if (value === undefined) return { kind: 'unchanged' };
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    ('connect' in value || 'disconnect' in value || 'set' in value)
  ) {
    const { connect, disconnect, set } = value as {
      connect?: unknown;
      disconnect?: unknown;
      set?: unknown;
    };
    if (set !== undefined) return { kind: 'set', ...refsOf(set) };
    const added = refsOf(connect);
    const removed = refsOf(disconnect);
    return {
      kind: 'delta',
      connect: added.refs,
      disconnect: removed.refs,
      unreadable: added.unreadable + removed.unreadable,
    };
  }
  return { kind: 'set', ...refsOf(value) };
};
