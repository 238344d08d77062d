import type { Express, Request, Response } from 'express';
import { CONTENT_SID, type SimContent } from './content';
import type { DeliveryScheduler } from './delivery';
import { faultsProblem, type FaultInjector } from './faults';
import { InboundError, receive } from './inbound';
import { messageResource } from './resource';
import { isValidAddress } from './send';
import type { TwilioSimState } from './state';
import type { Faults, SimNumber } from './types';

/*
 * Endpoints for demos and tests (not part of Twilio's API, so no credentials; the simulator
 * listens on 127.0.0.1 only):
 *
 *   GET  /_sim/health
 *   POST /_sim/reset                     numbers back to the initial ones, everything else cleared
 *   GET  /_sim/faults · POST /_sim/faults {failNext?, httpErrorNext?, deliveryFailure?,
 *                                          duplicateCallbacks?, callbackOrder?, latencyMs?}
 *   GET  /_sim/numbers · POST /_sim/numbers {phoneNumber, smsUrl?, messagingServiceSid?}
 *   POST /_sim/inbound {from, to, body, mediaUrls?}   a reply from a phone
 *   GET  /_sim/messages?to=&from=&direction=          every message, oldest first
 *   GET  /_sim/webhooks?kind=status|inbound&messageSid=   what the simulator POSTed
 *   GET  /_sim/contents · POST /_sim/contents {body, friendlyName?, whatsappApproved?, sid?}
 *                                        Content API templates ({{1}} placeholders) → {sid, …}
 *   GET  /_sim/opt-outs
 *   POST /_sim/clock {advanceMs}                      moves the simulator clock forward
 */

export interface SimAdmin {
  faults(patch: Partial<Faults>): void;
  reset(): void;
  /** A Content API template (approved for WhatsApp unless told otherwise). */
  addContent(content: Partial<SimContent> & { body: string }): SimContent;
}

type Body = Record<string, unknown>;

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string): AdminError => new AdminError(400, message);
const optionalString = (body: Body, name: string): string | null => {
  const value = body[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw bad(`${name} must be a string`);
  return value;
};

function numberFrom(body: Body): SimNumber {
  const phoneNumber = optionalString(body, 'phoneNumber');
  if (!phoneNumber || !isValidAddress(phoneNumber))
    throw bad('phoneNumber must be +E164 or whatsapp:+E164, like +15550100000');
  const smsUrl = optionalString(body, 'smsUrl');
  if (smsUrl && !/^https?:\/\//.test(smsUrl)) throw bad('smsUrl must be an http(s) URL');
  const messagingServiceSid = optionalString(body, 'messagingServiceSid');
  if (messagingServiceSid && !/^MG[0-9a-f]{32}$/.test(messagingServiceSid))
    throw bad('messagingServiceSid must be MG followed by 32 hex digits');
  return { phoneNumber, smsUrl, messagingServiceSid };
}

const query = (req: Request, name: string): string | undefined =>
  typeof req.query[name] === 'string' ? req.query[name] : undefined;

export function attachAdminRoutes(
  app: Express,
  deps: {
    state: TwilioSimState;
    faults: FaultInjector;
    delivery: DeliveryScheduler;
    admin: SimAdmin;
    auth: { accountSid: string; authToken: string };
  },
): void {
  const { state, faults, delivery, admin, auth } = deps;
  const route =
    (handler: (body: Body, req: Request) => unknown) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const body =
          typeof req.body === 'object' && req.body !== null ? (req.body as Body) : ({} as Body);
        res.json(await handler(body, req));
      } catch (error) {
        const status =
          error instanceof AdminError || error instanceof InboundError ? error.status : 500;
        res.status(status).json({ message: (error as Error).message });
      }
    };

  app.get(
    '/_sim/health',
    route(() => ({})),
  );
  app.post(
    '/_sim/reset',
    route(() => {
      admin.reset();
      return {};
    }),
  );
  app.get(
    '/_sim/faults',
    route(() => faults.current),
  );
  app.post(
    '/_sim/faults',
    route((body) => {
      const problem = faultsProblem(body);
      if (problem) throw bad(problem);
      admin.faults(body as Partial<Faults>);
      return faults.current;
    }),
  );
  app.get(
    '/_sim/numbers',
    route(() => ({ numbers: state.numbers })),
  );
  app.post(
    '/_sim/numbers',
    route((body) => state.upsertNumber(numberFrom(body))),
  );
  app.get(
    '/_sim/contents',
    route(() => ({ contents: state.contents })),
  );
  app.post(
    '/_sim/contents',
    route((body) => {
      const text = optionalString(body, 'body');
      if (!text) throw bad('body is required (use {{1}}, {{2}}… for variables)');
      const sid = optionalString(body, 'sid');
      if (sid && !CONTENT_SID.test(sid)) throw bad('sid must be HX followed by 32 hex digits');
      const approved = body['whatsappApproved'];
      if (approved !== undefined && typeof approved !== 'boolean')
        throw bad('whatsappApproved must be true or false');
      return admin.addContent({
        body: text,
        ...(sid ? { sid } : {}),
        friendlyName: optionalString(body, 'friendlyName') ?? 'template',
        ...(approved !== undefined ? { whatsappApproved: approved } : {}),
      });
    }),
  );
  app.post(
    '/_sim/inbound',
    route((body) => {
      const from = optionalString(body, 'from');
      const to = optionalString(body, 'to');
      const text = body['body'] === undefined ? '' : body['body'];
      if (!from || !to) throw bad('from and to are required');
      if (typeof text !== 'string') throw bad('body must be a string');
      const mediaUrls = body['mediaUrls'] ?? [];
      if (!Array.isArray(mediaUrls) || mediaUrls.some((u) => typeof u !== 'string'))
        throw bad('mediaUrls must be an array of URLs');
      return receive(state, delivery, auth, { from, to, body: text, mediaUrls });
    }),
  );
  app.get(
    '/_sim/messages',
    route((_body, req) => {
      const to = query(req, 'to');
      const from = query(req, 'from');
      const direction = query(req, 'direction');
      const messages = state.messages.filter(
        (m) =>
          (to === undefined || m.to === to) &&
          (from === undefined || m.from === from) &&
          (direction === undefined || m.direction === direction),
      );
      return { messages: messages.map(messageResource) };
    }),
  );
  app.get(
    '/_sim/webhooks',
    route((_body, req) => {
      const kind = query(req, 'kind');
      const sid = query(req, 'messageSid');
      return {
        webhooks: state.webhooks.filter(
          (w) =>
            (kind === undefined || w.kind === kind) &&
            (sid === undefined || w.params['MessageSid'] === sid),
        ),
      };
    }),
  );
  app.get(
    '/_sim/opt-outs',
    route(() => ({ optOuts: state.optOuts })),
  );
  app.post(
    '/_sim/clock',
    route((body) => {
      const ms = body['advanceMs'];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        throw bad('advanceMs must be a non-negative number of milliseconds');
      state.advanceClock(ms);
      return { now: new Date(state.now()).toISOString() };
    }),
  );
}
