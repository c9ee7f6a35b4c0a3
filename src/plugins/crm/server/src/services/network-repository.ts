import type { Core } from '@strapi/strapi';

import { createNetworkRepository } from '../repositories/network';

/** The network queries as a plugin service, so gates, listings and the network share one instance. */
export default ({ strapi }: { strapi: Core.Strapi }) => createNetworkRepository(strapi);
