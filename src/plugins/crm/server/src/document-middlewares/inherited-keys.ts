import type { Core, UID } from '@strapi/strapi';

const isInheritedMember = (key: string) => key in Object.prototype;
const label = (path: (string | number)[]) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');

/**
 * A key named like a member every object inherits (`constructor`, `hasOwnProperty`, `toString`,
 * `__proto__`), as a field or inside a field's value: Strapi's validators look attributes up by key
 * and call `toString` on values, so such a key makes them fail as a 500. JSON fields hold any keys.
 */
export const inheritedMemberKey = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  data: unknown
): { path: (string | number)[]; message: string } | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const { attributes } = strapi.getModel(uid) as {
    attributes: Record<string, { type?: string }>;
  };
  const pending: { value: unknown; path: (string | number)[] }[] = [];
  for (const [field, value] of Object.entries(data)) {
    const attribute = Object.prototype.hasOwnProperty.call(attributes, field)
      ? attributes[field]
      : undefined;
    if (!attribute && isInheritedMember(field))
      return { path: [field], message: `${field} is not a field` };
    if (attribute?.type !== 'json') pending.push({ value, path: [field] });
  }
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (!value || typeof value !== 'object') continue;
    for (const [key, item] of Object.entries(value)) {
      if (!Array.isArray(value) && isInheritedMember(key))
        return { path: [...path, key], message: `${label(path)}: ${key} cannot be used as a key` };
      pending.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return undefined;
};
