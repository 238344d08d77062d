import type { Db, SubgraphDeps } from '@attendant/kit';
import type express from 'express';
import { lazyEmailConfig, type EmailConfig } from './email.config';
import { EmailDelivery } from './email.delivery';
import { EmailSinkService } from './email-sink.service';
import { unsubscribeRoutes } from './unsubscribe.routes';
import { UnsubscribeService } from './unsubscribe.service';

export interface EmailModule {
  config: () => EmailConfig;
  delivery: EmailDelivery;
  sink: EmailSinkService;
  unsubscribe: UnsubscribeService;
  routes(router: express.Router): void;
}

const modules = new WeakMap<Db, EmailModule>();

/** The email pieces of one subgraph process, shared by its schema, routes and send worker. */
export function emailModule(deps: SubgraphDeps): EmailModule {
  const existing = modules.get(deps.db);
  if (existing) return existing;
  const config = lazyEmailConfig();
  // Unsubscribe links are signed with a key derived from the platform secret (see the token).
  const secret = () => deps.config.ACTOR_SIGNING_SECRET;
  const unsubscribe = new UnsubscribeService(deps.db, secret);
  const module: EmailModule = {
    config,
    delivery: new EmailDelivery(config, secret),
    sink: new EmailSinkService(config),
    unsubscribe,
    routes: (router) => unsubscribeRoutes(router, unsubscribe, deps.logger),
  };
  modules.set(deps.db, module);
  return module;
}
