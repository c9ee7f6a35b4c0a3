/** Strapi's core service, untouched: the benchmark's reference (see the schema's description). */
import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::reference-phone.reference-phone');
