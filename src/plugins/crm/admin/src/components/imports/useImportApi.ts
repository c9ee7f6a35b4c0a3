import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

import { fileNameFromDisposition } from '../../utils/download';
import type { CustomerHit, DecisionAction, ImportJob, ImportObject, LogRow, Pagination, ReferenceGroup, RowStatus } from './types';

/** The plugin's admin routes are served under /crm (routes/import-routes.ts, routes/admin.ts). */
const BASE = '/crm/imports';

/**
 * The import API under the admin prefix, one call per route, exactly as integrators call it under
 * /api/crm: every rule stays on the server, the wizard only shows what it answers.
 */
export const useImportApi = () => {
  const { get, post, put } = useFetchClient();

  return useMemo(
    () => ({
      upload: async (file: File, object: ImportObject) => {
        const form = new FormData();
        form.append('object', object);
        form.append('file', file, file.name);
        return (await post<{ data: ImportJob }>(BASE, form)).data.data;
      },
      job: async (documentId: string) => (await get<{ data: ImportJob }>(`${BASE}/${documentId}`)).data.data,
      setMapping: async (documentId: string, mapping: Record<string, string | null>) =>
        (await put<{ data: ImportJob }>(`${BASE}/${documentId}/mapping`, { mapping })).data.data,
      referenceData: async (documentId: string) => (await get<{ data: ReferenceGroup[] }>(`${BASE}/${documentId}/reference-data`)).data.data,
      decide: async (
        documentId: string,
        decisions: { key: string; action: DecisionAction; customer?: string }[],
        applyToAll?: 'create' | 'skip'
      ) => (await put<{ data: ReferenceGroup[] }>(`${BASE}/${documentId}/reference-data`, { decisions, ...(applyToAll ? { applyToAll } : {}) })).data.data,
      start: async (documentId: string) => (await post<{ data: ImportJob }>(`${BASE}/${documentId}/start`)).data.data,
      undo: async (documentId: string) => (await post<{ data: ImportJob }>(`${BASE}/${documentId}/undo`)).data.data,
      log: async (documentId: string, query: { status: RowStatus[]; page: number; pageSize: number }) =>
        (
          await get<{ data: LogRow[]; meta: { pagination: Pagination } }>(`${BASE}/${documentId}/log`, {
            params: { status: query.status.join(','), page: query.page, pageSize: query.pageSize },
          })
        ).data,
      ignoredCsv: async (documentId: string) => {
        const response = await get(`${BASE}/${documentId}/ignored`, { responseType: 'blob' });
        return { blob: response.data, fileName: fileNameFromDisposition(response.headers?.get('Content-Disposition'), `ignored-${documentId}.csv`) };
      },
      searchCustomers: async (q: string) =>
        (await get<{ data: CustomerHit[]; meta: { pagination: Pagination } }>('/crm/customers/search', { params: { q, pageSize: 10 } })).data.data,
    }),
    [get, post, put]
  );
};
