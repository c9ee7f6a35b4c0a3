/** Strapi's core controller, untouched: the benchmark's reference (see the schema's description). */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::reference-customer.reference-customer');
