import * as React from 'react';

import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { statusOf } from '../../../utils/serverErrors';
import { useAsyncResource } from '../../../utils/useAsyncResource';

/**
 * What the Customer Overview shows, each part loaded on its own: the customer, then its
 * connections, relationships and possible duplicates; failures are notified (a missing customer
 * has its own page instead). The parts wait for the customer: the documentId of a customer merged
 * into another answers the survivor, whose page the overview moves to.
 */
export const useOverviewData = (documentId: string) => {
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();

  const customer = useAsyncResource(documentId, () => api.customer(documentId));
  const resolved = customer.data?.documentId === documentId ? documentId : null;
  const connections = useAsyncResource(resolved, () => api.connections(documentId));
  const relationships = useAsyncResource(resolved, () => api.relationships(documentId));
  const duplicates = useAsyncResource(resolved, () => api.duplicates.ofCustomer(documentId));

  React.useEffect(() => {
    for (const error of [connections.error, relationships.error, duplicates.error])
      if (error) notifyError(error);
  }, [connections.error, relationships.error, duplicates.error, notifyError]);
  React.useEffect(() => {
    if (customer.error && statusOf(customer.error) !== 404) notifyError(customer.error);
  }, [customer.error, notifyError]);

  const reloadAll = () => {
    customer.reload();
    connections.reload();
    relationships.reload();
    duplicates.reload();
  };

  /** Runs a write; on success says so, on failure shows the server's message; then reloads what it changed. */
  const write = async (work: () => Promise<unknown>, success: string, reload: () => void) => {
    try {
      await work();
      notifySuccess(success);
    } catch (failure) {
      notifyError(failure);
    } finally {
      reload();
    }
  };

  return { api, customer, connections, relationships, duplicates, reloadAll, write };
};
