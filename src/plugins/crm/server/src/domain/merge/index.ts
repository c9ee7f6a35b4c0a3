/** The rules of merging duplicate customers and contacts: plain TypeScript, no Strapi. */
export * from './errors';
export * from './request';
export * from './fields';
export * from './contact-points';
export * from './pairs';
export * from './hierarchy';
export * from './record-fields';
