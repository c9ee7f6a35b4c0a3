/** The given keys of a record that are defined (a patch's fields, a stored row's rule fields). */
export const pick = (source: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])
  );
