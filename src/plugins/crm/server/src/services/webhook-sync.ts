import type { Core } from '@strapi/strapi';

/** How often a node reads the stored webhooks again. */
export const WEBHOOK_SYNC_MS = 5000;

interface StoredWebhook {
  id: number | string;
}
interface WebhookStore {
  findWebhooks(): Promise<StoredWebhook[] | null>;
}
interface WebhookRunner {
  update(webhook: StoredWebhook): void;
  remove(webhook: StoredWebhook): void;
}

/**
 * Strapi reads the webhooks into each node's memory at start-up and changes them later only on the
 * node whose admin panel changed them. With several nodes, an event raised on another node (an
 * import finished there, maybe after a takeover; a record written through it) would miss a webhook
 * created since that node started. So every node reads the stored webhooks every few seconds and
 * brings its runner in step: `update` (remove, then add) is the same whether the runner already has
 * the webhook or not, so no webhook is ever registered twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Each webhook as last applied to this node's runner, by id. */
  let applied = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let syncing: Promise<void> | undefined;

  const sync = async () => {
    const stored = (await (strapi.get('webhookStore') as WebhookStore).findWebhooks()) ?? [];
    const runner = strapi.get('webhookRunner') as WebhookRunner;
    const now = new Map<string, string>();
    for (const webhook of stored) {
      const json = JSON.stringify(webhook);
      now.set(String(webhook.id), json);
      if (applied.get(String(webhook.id)) !== json) runner.update(webhook);
    }
    for (const [id, json] of applied) if (!now.has(id)) runner.remove(JSON.parse(json));
    applied = now;
  };

  return {
    /** Brings this node's webhooks in step with the database; one run at a time. */
    sync(): Promise<void> {
      if (!syncing)
        syncing = sync().finally(() => {
          syncing = undefined;
        });
      return syncing;
    },

    /**
     * Every `intervalMs`, the first time only then: Strapi registers the stored webhooks itself
     * at start-up, and this must not add them while it does.
     */
    schedule(intervalMs = WEBHOOK_SYNC_MS) {
      this.stop();
      timer = setInterval(
        () =>
          void this.sync().catch((error: Error) =>
            strapi.log.warn(`[crm] reading the webhooks again failed: ${error.message}`)
          ),
        intervalMs
      );
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
};
