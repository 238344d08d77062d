import type { Logger } from '@attendant/kit';
import type express from 'express';
import { z } from 'zod';
import type { MewsConnections } from './mews-connections';
import type { FetchEntityType, SyncWorker } from './sync-worker';

const body = z.object({
  EnterpriseId: z.string().optional(),
  IntegrationId: z.string().optional(),
  Events: z
    .array(
      z.object({
        Discriminator: z.string().min(1).max(60),
        Value: z.object({ Id: z.string().min(1).max(100) }).passthrough(),
      }),
    )
    .max(1000),
});

/** Which entity a general-webhook discriminator points at (others are not synced here). */
const TARGETS: Record<string, FetchEntityType> = {
  ServiceOrderUpdated: 'Reservation',
  ResourceUpdated: 'Resource',
  CustomerAdded: 'Customer',
  CustomerUpdated: 'Customer',
};

/**
 * Mews general webhooks, forwarded by the gateway from `POST /webhooks/mews/:secret`. The secret
 * in the URL picks the connection; events only queue targeted fetches (deduplicated per entity),
 * so the answer comes well within Mews' 5 s and a duplicated delivery costs nothing.
 */
export function mewsWebhookRoute(
  router: express.Router,
  connections: MewsConnections,
  worker: SyncWorker,
  logger: Logger,
): void {
  router.post('/webhooks/mews/:secret', async (req, res) => {
    const secret = String(req.params['secret'] ?? '');
    const connection = secret.length >= 16 ? await connections.byWebhookSecret(secret) : null;
    if (!connection || connection.status === 'DISCONNECTED') {
      res.status(404).json({ message: 'Unknown webhook' });
      return;
    }
    const parsed = body.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ message: 'Invalid webhook body', issues: parsed.error.issues.length });
      return;
    }
    const { EnterpriseId, Events } = parsed.data;
    if (EnterpriseId && connection.enterpriseId && EnterpriseId !== connection.enterpriseId) {
      res.status(403).json({ message: 'The webhook is for another enterprise' });
      return;
    }
    let queued = 0;
    for (const event of Events) {
      const entityType = TARGETS[event.Discriminator];
      if (!entityType) continue;
      await worker.enqueueFetch({
        organizationId: connection.organizationId,
        entityType,
        externalId: event.Value.Id,
        source: 'WEBHOOK',
      });
      queued++;
    }
    await connections.markEvent(connection.organizationId);
    logger.info(
      { organizationId: connection.organizationId, events: Events.length, queued },
      'mews webhook accepted',
    );
    res.status(202).json({ accepted: Events.length, queued });
  });
}
