import type { Logger } from '@attendant/kit';
import type express from 'express';
import { z } from 'zod';
import type { TwilioWebhookService } from './webhook.service';

const forwarded = z.object({
  /** Path and query Twilio called at the gateway (the public base is configured here). */
  url: z.string().startsWith('/').max(2000),
  signature: z.string().max(200).optional(),
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

/**
 * Twilio webhooks, forwarded by the gateway from `POST /webhooks/twilio/:token/{status|inbound}`
 * with the form parameters exactly as Twilio sent them. 404 for an unknown token, 403 for a bad
 * signature; a status callback answers 204, an inbound message answers TwiML.
 */
export function twilioWebhookRoutes(
  router: express.Router,
  webhooks: TwilioWebhookService,
  logger: Logger,
): void {
  router.post('/webhooks/twilio/:token/:kind', async (req, res) => {
    const kind = String(req.params['kind']);
    if (kind !== 'status' && kind !== 'inbound') {
      res.status(404).json({ message: 'Unknown webhook' });
      return;
    }
    const parsed = forwarded.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ message: 'Invalid webhook body' });
      return;
    }
    try {
      const check = await webhooks.check(String(req.params['token']), parsed.data);
      if (!check.ok) {
        if (check.status === 403) logger.warn({ kind }, 'twilio webhook with an invalid signature');
        res.status(check.status).json({ message: check.message });
        return;
      }
      if (kind === 'status') {
        await webhooks.status(check.settings, parsed.data.params);
        res.status(204).end();
        return;
      }
      const twiml = await webhooks.inbound(check.settings, parsed.data.params);
      res.status(200).type('text/xml').send(twiml);
    } catch (err) {
      logger.error({ err, kind }, 'twilio webhook failed');
      // Twilio retries inbound webhooks that fail; callbacks are folded idempotently either way.
      res.status(500).json({ message: 'Try again later' });
    }
  });
}
