/**
 * The admin panel's own settings. English is always offered; each admin picks a language on their
 * profile page (stored as the admin user's prefLang). The CRM plugin ships its messages in each
 * of these languages (src/plugins/crm/admin/src/translations).
 */
export default {
  config: {
    locales: ['fr', 'de'],
  },
};
