import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { alertReference } from './alert/alert.reference';
import { AlertResolver } from './alert/alert.resolver';
import { AlertService } from './alert/alert.service';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { messageReference } from './message/message.reference';
import {
  ConversationResolver,
  MessageConversationResolver,
} from './messaging/conversation.resolver';
import { ConversationService } from './messaging/conversation.service';
import { messagingModule } from './messaging/messaging.module';
import { MessagingResolver } from './messaging/messaging.resolver';
import { MessageResolver } from './message/message.resolver';
import { MessageService } from './message/message.service';
import { templateReference } from './template/template.reference';
import { TemplateResolver } from './template/template.resolver';
import { TemplateService } from './template/template.service';
import { triggerConsumers } from './trigger/trigger.planner';
import { startTriggerFiring } from './trigger/trigger.module';
import { TriggerResolver } from './trigger/trigger.resolver';
import { TriggerService } from './trigger/trigger.service';
import { GuestTimelineResolver } from './timeline/timeline.resolver';
import { TimelineService } from './timeline/timeline.service';

// Served by the gateway from Message events (see gateway/src/subscriptions).
const SUBSCRIPTIONS = /* GraphQL */ `
  input MessageChangedFilter {
    "Only messages of this guest"
    guestId: ID
    "Only messages of this conversation"
    conversationId: ID
  }
  type Subscription {
    "A message was queued, refused, changed delivery status or came in; delivers its current state"
    messageChanged(filter: MessageChangedFilter): Message!
  }
`;

export const communicationsSubgraph: SubgraphDefinition = {
  name: 'communications',
  async buildSchema(deps) {
    const { db } = deps;
    const messages = new MessageService(db);
    const conversations = new ConversationService(db);
    const templates = new TemplateService(db);
    const alerts = new AlertService(db);
    const resolvers = [
      new MessageResolver(messages),
      new MessagingResolver(messagingModule(deps).service),
      new ConversationResolver(conversations),
      new MessageConversationResolver(conversations),
      new TemplateResolver(templates),
      new TriggerResolver(new TriggerService(db)),
      new AlertResolver(alerts),
      new ConsentResolver(new ConsentService(db)),
      new GuestTimelineResolver(new TimelineService(messages, alerts)),
    ];
    return buildFederatedSchema(
      {
        resolvers: [
          MessageResolver,
          MessagingResolver,
          ConversationResolver,
          MessageConversationResolver,
          TemplateResolver,
          TriggerResolver,
          AlertResolver,
          ConsentResolver,
          GuestTimelineResolver,
        ],
        container: containerOf(resolvers),
      },
      {
        Message: messageReference(messages),
        Template: templateReference(templates),
        Alert: alertReference(alerts),
        Guest: { __resolveReference: (ref: { id: string }) => ref },
      },
      SUBSCRIPTIONS,
    );
  },
  internalRoutes(deps, router) {
    messagingModule(deps).routes(router);
  },
  consumers() {
    return triggerConsumers();
  },
  background: async (deps) => {
    const stopMessaging = await messagingModule(deps).start();
    const stopTriggers = startTriggerFiring(deps);
    return async () => {
      await stopTriggers();
      await stopMessaging();
    };
  },
};

export { messagingModule } from './messaging/messaging.module';
