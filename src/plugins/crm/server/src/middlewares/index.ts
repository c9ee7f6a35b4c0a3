import requestGuard from './request-guard';

/** Runs on every CRM route, content API and admin alike, before its action. */
export const REQUEST_GUARD = 'plugin::crm.request-guard';

export default { 'request-guard': requestGuard };
