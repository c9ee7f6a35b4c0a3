import type { Core } from '@strapi/strapi';

import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { registerDocumentMiddlewares } from './document-middlewares';
import routes from './routes';
import services from './services';
import { getService } from './utils/get-service';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'customerNumbers').ensureSequence();
    if (getService(strapi, 'settings').get().demoData) {
      await getService(strapi, 'demoData').loadOnce();
    }
  },

  config,
  contentTypes,
  controllers,
  routes,
  services,
};
