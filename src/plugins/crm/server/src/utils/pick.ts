/** The given keys of a record that are defined (a patch's fields, a stored row's rule fields). */
export const pick = (source: object, keys: readonly string[]): Record<string, unknown> => {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(
    keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]])
  );
};
