import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { attachAdminRoutes, type SimAdmin } from './admin';
import { newContentSid } from './content';
import { DeliveryScheduler } from './delivery';
import { TwilioApiError, twilioError } from './errors';
import { FaultInjector } from './faults';
import { receive, type InboundInput, type InboundResult } from './inbound';
import { listMessages } from './list';
import { readStateFile, StateSaver, writeStateFile } from './persistence';
import { messageResource } from './resource';
import { createMessage, type FormBody } from './send';
import { TwilioSimState } from './state';
import type { Faults, SimDelays, SimNumber } from './types';

export { TwilioSimState, type TwilioSimSnapshot } from './state';
export { twilioSignature } from './webhooks';
export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
} from './webhook-receiver';
export type * from './types';
export type { InboundInput, InboundResult } from './inbound';

export interface TwilioSimOptions {
  port?: number;
  /** `AC` + 32 hex; random per start when unset. */
  accountSid?: string;
  /** Signs the webhooks and authenticates API calls; random per start when unset. */
  authToken?: string;
  /** Senders the simulator starts with (and `/_sim/reset` goes back to). */
  numbers?: Array<Partial<SimNumber> & { phoneNumber: string }>;
  /** Delays between the delivery steps (default 100/300/500/1500 ms); tests use 0. */
  delays?: Partial<SimDelays>;
  /** Keeps the data in this JSON file: loaded at start when it exists, saved after changes. */
  stateFile?: string;
}

export interface TwilioSim {
  url: string;
  accountSid: string;
  authToken: string;
  state: TwilioSimState;
  admin: SimAdmin & {
    addNumber(number: Partial<SimNumber> & { phoneNumber: string }): SimNumber;
    inbound(input: InboundInput): Promise<InboundResult>;
  };
  stop(): Promise<void>;
}

export const DEFAULT_DELAYS: SimDelays = {
  queuedMs: 100,
  sendingMs: 300,
  sentMs: 500,
  finalMs: 1500,
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ACCOUNT_PATH = /^\/2010-04-01\/Accounts\/([^/]+)(\/.*)$/;

const toNumber = (n: Partial<SimNumber> & { phoneNumber: string }): SimNumber => ({
  phoneNumber: n.phoneNumber,
  smsUrl: n.smsUrl ?? null,
  messagingServiceSid: n.messagingServiceSid ?? null,
});

/** The credentials of an HTTP Basic `Authorization` header, or null. */
function basicAuth(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Starts a stateful Twilio Messaging API (REST 2010-04-01 Messages, status callbacks, inbound
 * webhooks, Advanced Opt-Out, WhatsApp session rule) on 127.0.0.1; port 0 = any free port.
 */
export async function startTwilioSim(opts: TwilioSimOptions = {}): Promise<TwilioSim> {
  const accountSid = opts.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = opts.authToken ?? randomBytes(16).toString('hex');
  if (!/^AC[0-9a-f]{32}$/.test(accountSid))
    throw new Error('The Twilio simulator accountSid must be AC followed by 32 hex digits');
  const state = new TwilioSimState((opts.numbers ?? []).map(toNumber));
  const saved = opts.stateFile ? readStateFile(opts.stateFile) : null;
  if (saved) state.load(saved);
  const saver = opts.stateFile ? new StateSaver(state, opts.stateFile) : null;
  if (opts.stateFile && !saved) writeStateFile(opts.stateFile, state);
  const faults = new FaultInjector();
  const delivery = new DeliveryScheduler(state, authToken, faults, {
    ...DEFAULT_DELAYS,
    ...opts.delays,
  });
  // Deliveries interrupted by a stop go on after a restart.
  for (const m of state.messages) if (m.outcome) delivery.resume(m);
  const auth = { accountSid, authToken };
  const admin: TwilioSim['admin'] = {
    faults: (patch: Partial<Faults>) => faults.set(patch),
    reset: () => {
      faults.reset();
      state.reset();
    },
    addNumber: (number) => state.upsertNumber(toNumber(number)),
    addContent: (content) =>
      state.addContent({
        sid: content.sid ?? newContentSid(),
        friendlyName: content.friendlyName ?? 'template',
        body: content.body,
        whatsappApproved: content.whatsappApproved ?? true,
      }),
    inbound: (input) => receive(state, delivery, auth, input),
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());
  attachAdminRoutes(app, { state, faults, delivery, admin, auth });

  const fail = (res: Response, error: TwilioApiError): void => {
    if (error.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
    res.status(error.status).json(error.toBody());
  };
  app.use(async (req: Request, res: Response) => {
    const match = ACCOUNT_PATH.exec(req.path);
    const notFound = twilioError(20404, `The requested resource ${req.path} was not found`, 404);
    if (!match) return fail(res, notFound);
    const credentials = basicAuth(req.headers.authorization);
    if (credentials?.user !== accountSid || credentials.password !== authToken)
      return fail(res, twilioError(20003));
    if (match[1] !== accountSid) return fail(res, notFound);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const injected = faults.nextHttpError();
    if (injected) return fail(res, injected);
    const rest = match[2]!;
    try {
      if (rest === '/Messages.json' && req.method === 'POST') {
        const message = createMessage(state, faults, accountSid, req.body as FormBody);
        delivery.start(message);
        return void res.status(201).json(messageResource(message));
      }
      if (rest === '/Messages.json' && req.method === 'GET')
        return void res.json(listMessages(state, accountSid, req.query));
      const sid = /^\/Messages\/([A-Za-z0-9]+)\.json$/.exec(rest)?.[1];
      const message = sid ? state.message(sid) : undefined;
      if (message && req.method === 'GET') return void res.json(messageResource(message));
      return fail(res, notFound);
    } catch (error) {
      if (error instanceof TwilioApiError) return fail(res, error);
      return fail(res, twilioError(20500, (error as Error).message, 500));
    }
  });
  // Malformed bodies and other errors raised before the handlers.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- Express spots error handlers by arity
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    fail(res, twilioError(status === 400 ? 20001 : 20500, 'Could not read the request', status));
  });

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    state,
    admin,
    stop: async () => {
      await delivery.stop();
      saver?.flush(true);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
