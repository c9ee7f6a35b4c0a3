import { dirname } from 'node:path';

import type * as StrapiUtils from '@strapi/utils';

/**
 * Strapi answers a 4xx only for errors made by its own copy of @strapi/utils (it tests them with
 * instanceof); any other copy's ValidationError becomes a 500. npm may meet this package's peer
 * dependency with a newer @strapi/utils beside it while @strapi/core keeps the exact version it
 * pins, so the copy is taken from where @strapi/core, reached through the app's @strapi/strapi,
 * loads it. Plain require calls, so that a test runner's module registry is used too.
 */
const load = (): typeof StrapiUtils => {
  try {
    const strapiDir = dirname(require.resolve('@strapi/strapi/package.json'));
    const coreDir = dirname(require.resolve('@strapi/core/package.json', { paths: [strapiDir] }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a copy chosen at run time
    return require(require.resolve('@strapi/utils', { paths: [coreDir] }));
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fallback of the same choice
    return require('@strapi/utils');
  }
};

export const { errors } = load();
