import { PLUGIN_ID } from '../../pluginId';

/** /admin/plugins/crm/duplicates (start a scan) and …/duplicates/:documentId (a scan). */
export const DUPLICATES_PATH = `/plugins/${PLUGIN_ID}/duplicates`;
export const scanPath = (documentId: string) => `${DUPLICATES_PATH}/${documentId}`;
