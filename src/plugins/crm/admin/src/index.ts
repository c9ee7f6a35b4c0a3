import type { StrapiApp } from '@strapi/strapi/admin';

import { contentManagerLabelMessages } from '../../contracts';
import { PluginIcon } from './components/PluginIcon';
import { registerContentManagerExtensions } from './content-manager/register';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

/** The translation files name their messages without the plugin's prefix; the admin knows them prefixed. */
const prefixed = (data: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(data).map(([key, message]) => [`${PLUGIN_ID}.${key}`, message])
  );

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: 'crm.plugin.name', defaultMessage: 'CRM' },
      Component: () => import('./pages/App'),
      permissions: PERMISSIONS.read,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'CRM' });
  },

  bootstrap(app: StrapiApp) {
    registerContentManagerExtensions(app);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as {
            default: Record<string, string>;
          };
          return { data: { ...prefixed(data), ...contentManagerLabelMessages(locale) }, locale };
        } catch {
          // A language the plugin has no file for falls back to the default messages.
          return { data: contentManagerLabelMessages(locale), locale };
        }
      })
    );
  },
};
