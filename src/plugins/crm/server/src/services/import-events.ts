import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';
import { IMPORT_JOB_UID } from '../utils/uids';
import type { JobRow } from './imports/import-jobs';

/**
 * The CRM's own webhook events, one per import job (an import writes in bulk, below the document
 * service, so Strapi's `entry.*` events do not fire per row): `crm.import.finished` when a job is
 * done, `crm.import.undone` after its undo. They are allowed events of Strapi's webhooks, so a
 * webhook created with them (Settings → Webhooks, or `POST /admin/webhooks`) receives them.
 */
export const IMPORT_EVENTS = {
  CRM_IMPORT_FINISHED: 'crm.import.finished',
  CRM_IMPORT_UNDONE: 'crm.import.undone',
} as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Makes the events known to Strapi's webhook store (at start-up). */
  register() {
    for (const [key, event] of Object.entries(IMPORT_EVENTS))
      strapi.get('webhookStore').addAllowedEvent(key, event);
  },

  /**
   * Emits an event for a job: its summary (no cells, columns or row errors, so nothing of the file
   * itself and no SSN leaves with it).
   */
  async emit(event: (typeof IMPORT_EVENTS)[keyof typeof IMPORT_EVENTS], jobId: number) {
    const importJobs = getService(strapi, 'import-jobs');
    const job = (await strapi.db
      .query(IMPORT_JOB_UID)
      .findOne({ where: { id: jobId } })) as JobRow | null;
    if (!job) return;
    const {
      columns: _columns,
      errors: _errors,
      fields: _fields,
      ...summary
    } = importJobs.view(job);
    strapi.eventHub.emit(event, { uid: IMPORT_JOB_UID, job: summary });
  },
});
