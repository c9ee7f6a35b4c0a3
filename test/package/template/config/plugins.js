module.exports = ({ env }) => ({
  // Enabled by its package name: Strapi finds it among the app's dependencies.
  crm: {
    enabled: true,
    config: {
      defaultCountry: env('CRM_DEFAULT_COUNTRY', 'US'),
      encryptionKeys: env.array('CRM_ENCRYPTION_KEY', []),
      erasureKey: env('CRM_ERASURE_KEY', ''),
    },
  },
});
