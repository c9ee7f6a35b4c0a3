import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

import { createCrmApi } from './client';

export type { CrmApi } from './client';

/** The plugin's API client, over the admin's authenticated fetch client. */
export const useCrmApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(() => createCrmApi({ get, post, put, del }), [get, post, put, del]);
};
