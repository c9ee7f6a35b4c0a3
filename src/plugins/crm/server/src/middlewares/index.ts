import apiDescriptionReader from './api-description-reader';
import errorBoundary from './error-boundary';
import fairAdmission from './fair-admission';
import requestGuard from './request-guard';

/** Run on every CRM route, content API and admin alike, before its action: errors first, then the guard. */
export const ERROR_BOUNDARY = 'plugin::crm.error-boundary';
export const REQUEST_GUARD = 'plugin::crm.request-guard';
export const ROUTE_MIDDLEWARES = [ERROR_BOUNDARY, REQUEST_GUARD];
/** Authenticates and admits the readers of the API's description (`api-description-reader.ts`). */
export const API_DESCRIPTION_READER = 'plugin::crm.api-description-reader';

export default {
  'api-description-reader': apiDescriptionReader,
  'error-boundary': errorBoundary,
  'fair-admission': fairAdmission,
  'request-guard': requestGuard,
};
