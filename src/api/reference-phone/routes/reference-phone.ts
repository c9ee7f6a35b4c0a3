/**
 * Strapi's core routes, read-only: the benchmark reads the reference through them exactly as a
 * client reads the CRM's (no CRM middleware, no policy); nothing writes through the API.
 */
import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::reference-phone.reference-phone', {
  only: ['find', 'findOne'],
});
