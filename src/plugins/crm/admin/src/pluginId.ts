export const PLUGIN_ID = 'crm';
