import type { Db, StopBackground, SubgraphDeps } from '@attendant/kit';
import type express from 'express';
import { createTwilioClient, type TwilioClient } from '../sms/twilio-client';
import { lazyMessagingConfig, type MessagingConfig } from './messaging.config';
import { MessagingRepository } from './messaging.repository';
import { MessagingService } from './messaging.service';
import type { Enqueue, SendJob } from './messaging.types';
import { SendWorker } from './send.worker';
import { twilioWebhookRoutes } from './webhook.routes';
import { TwilioWebhookService } from './webhook.service';

export const SEND_QUEUE = 'communications.send-message';
const RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true } as const;

export interface MessagingModule {
  config: () => MessagingConfig;
  service: MessagingService;
  worker: SendWorker;
  webhooks: TwilioWebhookService;
  routes(router: express.Router): void;
  start(): Promise<StopBackground>;
}

const modules = new WeakMap<Db, MessagingModule>();

/** The SMS/WhatsApp pieces of one subgraph process, shared by its schema, routes and workers. */
export function messagingModule(deps: SubgraphDeps): MessagingModule {
  const existing = modules.get(deps.db);
  if (existing) return existing;
  const config = lazyMessagingConfig();
  let client: TwilioClient | null | undefined;
  const twilio = () => {
    if (client === undefined) {
      const c = config().twilio;
      client = c ? createTwilioClient(c) : null;
    }
    return client;
  };
  let queue: Promise<unknown> | null = null;
  const ensureQueue = () =>
    (queue ??= (async () => {
      const boss = deps.jobs!.boss;
      await boss.createQueue(`${SEND_QUEUE}.dead`);
      await boss.createQueue(SEND_QUEUE, {
        name: SEND_QUEUE,
        ...RETRY,
        deadLetter: `${SEND_QUEUE}.dead`,
      });
    })());
  const enqueue: Enqueue = async (job, startAfter) => {
    if (!deps.jobs) return;
    await ensureQueue();
    await deps.jobs.boss.send(SEND_QUEUE, job, {
      ...RETRY,
      singletonKey: job.messageId,
      ...(startAfter ? { startAfter } : {}),
    });
  };
  const service = new MessagingService(deps.db, enqueue);
  const worker = new SendWorker(deps.db, service, twilio, config, deps.logger);
  const webhooks = new TwilioWebhookService(deps.db, config);
  const module: MessagingModule = {
    config,
    service,
    worker,
    webhooks,
    routes: (router) => twilioWebhookRoutes(router, webhooks, deps.logger),
    async start() {
      if (!deps.jobs) return async () => undefined;
      await ensureQueue();
      const boss = deps.jobs.boss;
      // One job per fetch: a retryable failure must fail its own job, not a batch.
      await boss.work<SendJob>(
        SEND_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async ([job]) => {
          if (job)
            await worker.run(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit });
        },
      );
      // Messages whose job was lost (the process stopped between the commit and the enqueue).
      const queued = await new MessagingRepository(deps.db).queuedMessages(1000);
      for (const m of queued)
        await enqueue({ messageId: m.id, organizationId: m.organizationId }, m.scheduledFor);
      const sweep = setInterval(() => {
        worker
          .failStuck()
          .catch((err: unknown) => deps.logger.warn({ err }, 'stuck-send sweep failed'));
      }, 60_000);
      sweep.unref();
      return async () => {
        clearInterval(sweep);
        await boss.offWork(SEND_QUEUE).catch(() => undefined);
      };
    },
  };
  modules.set(deps.db, module);
  return module;
}
