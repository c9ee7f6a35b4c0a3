import type { HistoryValue } from '../../../../contracts';
import type { Snapshot } from './values';
import { isTrackedField } from './values';

/** A scalar attribute of a content type, as a bulk insert fills it. */
export interface ScalarAttribute {
  name: string;
  type: string;
  default?: unknown;
}

/** A value as reading the stored row back gives it to a snapshot (see the history states). */
export const storedHistoryValue = (type: string, value: unknown): HistoryValue => {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case 'datetime':
    case 'timestamp':
      return new Date(value as string | number | Date).toISOString();
    case 'json':
      return JSON.stringify(value);
    default:
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'object' ? JSON.stringify(value) : (value as string | number);
  }
};

/**
 * The snapshot of a record a bulk insert has just written, from the values it was given: each
 * tracked scalar as it is stored (the attribute's default when not given), and its relations as
 * given (`{ documentId, label }`, a list of them, or null). The same snapshot as reading the row
 * back, without reading it.
 */
export const insertedSnapshot = (
  attributes: readonly ScalarAttribute[],
  values: Record<string, unknown>,
  relations: Record<string, HistoryValue> = {}
): Snapshot => {
  const snapshot: Snapshot = {};
  for (const attribute of attributes) {
    if (!isTrackedField(attribute.name)) continue;
    const given = values[attribute.name];
    const value =
      given === undefined && typeof attribute.default !== 'function' ? attribute.default : given;
    snapshot[attribute.name] = storedHistoryValue(attribute.type, value);
  }
  for (const [field, value] of Object.entries(relations))
    if (isTrackedField(field)) snapshot[field] = value;
  return snapshot;
};
