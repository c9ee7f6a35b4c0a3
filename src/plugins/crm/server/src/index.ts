import type { Core } from '@strapi/strapi';

import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { registerDocumentMiddlewares } from './document-middlewares';
import middlewares from './middlewares';
import { removeUploadedFiles } from './middlewares/remove-uploaded-files';
import { ADMIN_ACTIONS, unguardedHandlers } from './permissions';
import policies from './policies';
import routes from './routes';
import services from './services';
import { rebuildCompanyKeysIfNeeded } from './services/company-keys-rebuild';
import { rebuildDuplicateKeysIfNeeded } from './services/duplicate-index-rebuild';
import { rebuildSearchIndexIfNeeded } from './services/search-index-rebuild';
import { getService } from './utils/get-service';
import { yieldInSqliteTransactions } from './utils/sqlite-transaction-turns';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const unguarded = unguardedHandlers(routes['content-api'].routes.map((route) => route.handler));
    if (unguarded.length > 0) {
      throw new Error(
        `crm: routes without an entry in the role table (permissions.ts): ${unguarded.join(', ')}`
      );
    }
    registerDocumentMiddlewares(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // On SQLite, long transactions (here, in jobs and in requests) share the event loop.
    yieldInSqliteTransactions(strapi);
    // Lands after the configured body parser and before the router (mounted once bootstrap is done).
    const restPrefix = strapi.config.get('api.rest.prefix', '/api') as string;
    strapi.server.use(
      removeUploadedFiles([`${restPrefix}/crm/`, '/crm/'], (message) => strapi.log.warn(message))
    );
    await strapi.service('admin::permission').actionProvider.registerMany(
      ADMIN_ACTIONS.map(({ uid, displayName }) => ({
        section: 'plugins',
        displayName,
        uid,
        pluginName: 'crm',
      }))
    );
    getService(strapi, 'import-events').register();
    await getService(strapi, 'roles').ensureRoles();
    const schema = await getService(strapi, 'schema').apply();
    if (schema.before !== schema.version)
      strapi.log.info(
        `[crm] database objects at version ${schema.version} (were ${schema.before ?? 'none'})`
      );
    await getService(strapi, 'display-names').fill((message) => strapi.log.info(message));
    await rebuildSearchIndexIfNeeded(strapi);
    await rebuildDuplicateKeysIfNeeded(strapi);
    await rebuildCompanyKeysIfNeeded(strapi);
    await getService(strapi, 'customer-numbers').ensureSequence();
    await getService(strapi, 'customer-numbers').ensureSequence(
      getService(strapi, 'relationship-gate').HIERARCHY_LOCK
    );
    // Off the main thread: an SQLite commit no longer runs the log's checkpoint.
    await getService(strapi, 'sqlite-checkpoints').start();
    // Reads on SQLite no longer wait for a long transaction's commit.
    await getService(strapi, 'sqlite-read-connection').start();
    // Imports left running by a stopped node are resumed here or by any other node.
    getService(strapi, 'import-runner').schedule();
    getService(strapi, 'duplicate-scans').schedule();
    getService(strapi, 'history-retention').schedule();
    // Webhooks changed through another node reach this node's events (README, Running several nodes).
    getService(strapi, 'webhook-sync').schedule();
    try {
      const layouts = await getService(strapi, 'content-manager-layouts').apply();
      if (layouts.kept.length > 0)
        strapi.log.info(
          `[crm] content manager layouts changed by an admin kept as they are: ${layouts.kept.join(', ')}`
        );
    } catch (error) {
      // The CRM works without them: the content manager then shows its default layouts.
      strapi.log.warn(
        `[crm] could not write the content manager layouts: ${(error as Error).message}`
      );
    }
    if (getService(strapi, 'settings').get().demoData) {
      await getService(strapi, 'demo-data').loadOnce();
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'import-runner').stop();
    getService(strapi, 'duplicate-scans').stop();
    getService(strapi, 'history-retention').stop();
    getService(strapi, 'webhook-sync').stop();
    await getService(strapi, 'sqlite-checkpoints').stop();
    await getService(strapi, 'sqlite-read-connection').stop();
  },

  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
