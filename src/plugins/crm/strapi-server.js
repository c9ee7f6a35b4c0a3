'use strict';

// The server part is TypeScript compiled by the host app (`npm run build:server`, or `strapi develop`).
// A missing build must fail loudly rather than let Strapi skip the plugin.
module.exports = require('../../../dist/src/plugins/crm/server/src');
