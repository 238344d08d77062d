import type { Db, StopBackground, SubgraphDeps } from '@attendant/kit';
import type express from 'express';
import { emailModule } from '../email/email.module';
import { createTwilioClient, type TwilioClient } from '../sms/twilio-client';
import { lazyMessagingConfig, loadRecoveryMs, type MessagingConfig } from './messaging.config';
import { MessagingService } from './messaging.service';
import type { Enqueue, SendJob } from './messaging.types';
import { SendWorker } from './send.worker';
import { twilioWebhookRoutes } from './webhook.routes';
import { TwilioWebhookService } from './webhook.service';

export const SEND_QUEUE = 'communications.send-message';
const RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true } as const;
/** Send workers per process (each takes one job at a time). */
const SEND_WORKERS = 8;

export interface MessagingModule {
  config: () => MessagingConfig;
  /** Work claimed longer ago than this by a worker that stopped is taken up again. */
  recoveryMs: number;
  service: MessagingService;
  worker: SendWorker;
  webhooks: TwilioWebhookService;
  routes(router: express.Router): void;
  /** Takes up sends that stopped workers left (see SendWorker.recover). */
  recover(): ReturnType<SendWorker['recover']>;
  start(): Promise<StopBackground>;
}

const modules = new WeakMap<Db, MessagingModule>();

/** The SMS/WhatsApp/email sending pieces of one subgraph process, shared by its schema, routes and workers. */
export function messagingModule(deps: SubgraphDeps): MessagingModule {
  const existing = modules.get(deps.db);
  if (existing) return existing;
  const config = lazyMessagingConfig();
  const recoveryMs = loadRecoveryMs();
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
  const email = emailModule(deps);
  const emailFrom = () => (email.delivery.configured() ? email.delivery.fromAddress() : null);
  const service = new MessagingService(deps.db, enqueue, undefined, emailFrom);
  const worker = new SendWorker(deps.db, service, twilio, config, deps.logger, email.delivery);
  const webhooks = new TwilioWebhookService(deps.db, config);
  const module: MessagingModule = {
    config,
    recoveryMs,
    service,
    worker,
    webhooks,
    routes: (router) => twilioWebhookRoutes(router, webhooks, deps.logger),
    recover: () => worker.recover(enqueue, SEND_QUEUE, recoveryMs),
    async start() {
      if (!deps.jobs) return async () => undefined;
      await ensureQueue();
      const boss = deps.jobs.boss;
      // One job per fetch: a retryable failure must fail its own job, not a batch. A pg-boss worker
      // fetches at most once per polling interval, so several run side by side.
      for (let i = 0; i < SEND_WORKERS; i++)
        await boss.work<SendJob>(
          SEND_QUEUE,
          { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
          async ([job]) => {
            if (job)
              await worker.run(job.data, {
                retryCount: job.retryCount,
                retryLimit: job.retryLimit,
              });
          },
        );
      // What stopped workers left (interrupted sends, lost jobs): every quarter window.
      let recovering: Promise<unknown> | null = null;
      const recover = () => {
        recovering ??= module
          .recover()
          .then((r) => {
            if (r.adopted + r.requeued + r.reenqueued > 0)
              deps.logger.info(r, 'took up sends left by a stopped worker');
          })
          .catch((err: unknown) => deps.logger.warn({ err }, 'send recovery failed'))
          .finally(() => {
            recovering = null;
          });
      };
      const sweep = setInterval(recover, Math.max(5_000, recoveryMs / 4));
      sweep.unref();
      return async () => {
        clearInterval(sweep);
        await recovering;
        await boss.offWork(SEND_QUEUE).catch(() => undefined);
        email.delivery.close();
      };
    },
  };
  modules.set(deps.db, module);
  return module;
}
