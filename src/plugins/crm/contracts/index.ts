/**
 * What the plugin's server and admin pages share: enumeration values, contact-point kinds and
 * limits, admin actions, import stages and the bodies of the custom routes. Plain TypeScript
 * without dependencies, so both sides can import it.
 */
export * from './enums';
export * from './contact-points';
export * from './imports';
export * from './permissions';
export type * from './api';
export type * from './admin-pages';
export * from './content-manager-layouts';
export * from './history';
export * from './personal-data';
