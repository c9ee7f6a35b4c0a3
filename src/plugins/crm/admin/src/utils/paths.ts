/** A field's path joined with dots (`lastName`, `phones.1.number`), as forms key the server's messages. */
export const pathKey = (path: readonly (string | number)[]) => path.join('.');
