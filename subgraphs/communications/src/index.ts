import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { alertConsumers } from './alert/alert.consumers';
import { alertEngine, startAlertSweeps } from './alert/alert.module';
import { alertReference } from './alert/alert.reference';
import { AlertRuleResolver } from './alert/alert-rule.resolver';
import { AlertRuleService } from './alert/alert-rule.service';
import { AlertResolver } from './alert/alert.resolver';
import { AlertService } from './alert/alert.service';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { EmailSinkResolver } from './email/email-sink.resolver';
import { emailModule } from './email/email.module';
import { messageReference } from './message/message.reference';
import { MessagingSettingsResolver } from './settings/messaging-settings.resolver';
import { MessagingSettingsService } from './settings/messaging-settings.service';
import {
  ConversationResolver,
  MessageConversationResolver,
} from './messaging/conversation.resolver';
import { ConversationService } from './messaging/conversation.service';
import { messagingModule } from './messaging/messaging.module';
import { MessagingResolver } from './messaging/messaging.resolver';
import { MessageResolver } from './message/message.resolver';
import { MessageService } from './message/message.service';
import { notificationReference } from './notification/notification.reference';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationService } from './notification/notification.service';
import { templateReference } from './template/template.reference';
import { TemplateResolver } from './template/template.resolver';
import { TemplateService } from './template/template.service';
import { triggerConsumers } from './trigger/trigger.planner';
import { startTriggerFiring } from './trigger/trigger.module';
import { TriggerResolver } from './trigger/trigger.resolver';
import { TriggerService } from './trigger/trigger.service';
import { GuestTimelineResolver } from './timeline/timeline.resolver';
import { TimelineService } from './timeline/timeline.service';
import { timelineConsumers } from './timeline/timeline.projection';
import { NoteResolver } from './note/note.resolver';
import { NoteService } from './note/note.service';

// Served by the gateway from Message events (see gateway/src/subscriptions).
const SUBSCRIPTIONS = /* GraphQL */ `
  input MessageChangedFilter {
    "Only messages of this guest"
    guestId: ID
    "Only messages of this conversation"
    conversationId: ID
  }
  input GuestTimelineChangedFilter {
    "Only this guest's timeline"
    guestId: ID
  }
  type Subscription {
    "A message was queued, refused, changed delivery status or came in; delivers its current state"
    messageChanged(filter: MessageChangedFilter): Message!
    "A notification for the signed-in user was created (an alert routed or escalated to them)"
    notificationReceived: Notification!
    "An entry of a guest's timeline other than a message appeared, changed or went (a note, a change elsewhere, an alert); delivers the guest, whose timeline a client refetches (messages come through messageChanged)"
    guestTimelineChanged(filter: GuestTimelineChangedFilter): Guest!
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
    const notifications = new NotificationService(db);
    const resolvers = [
      new MessageResolver(messages),
      new MessagingResolver(messagingModule(deps).service),
      new ConversationResolver(conversations),
      new MessageConversationResolver(conversations),
      new TemplateResolver(templates),
      new TriggerResolver(new TriggerService(db), templates),
      new AlertResolver(alerts),
      new ConsentResolver(new ConsentService(db)),
      new AlertRuleResolver(new AlertRuleService(db)),
      new NotificationResolver(notifications),
      new GuestTimelineResolver(new TimelineService(db)),
      new NoteResolver(new NoteService(db)),
      new EmailSinkResolver(emailModule(deps).sink),
      new MessagingSettingsResolver(new MessagingSettingsService(db)),
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
          AlertRuleResolver,
          NotificationResolver,
          GuestTimelineResolver,
          NoteResolver,
          EmailSinkResolver,
          MessagingSettingsResolver,
        ],
        container: containerOf(resolvers),
      },
      {
        Message: messageReference(messages),
        Template: templateReference(templates),
        Alert: alertReference(alerts),
        Notification: notificationReference(notifications),
        Guest: { __resolveReference: (ref: { id: string }) => ref },
      },
      SUBSCRIPTIONS,
    );
  },
  internalRoutes(deps, router) {
    messagingModule(deps).routes(router);
    emailModule(deps).routes(router);
  },
  consumers(deps) {
    return [...triggerConsumers(), ...timelineConsumers(), ...alertConsumers(alertEngine(deps))];
  },
  background: async (deps) => {
    const stopMessaging = await messagingModule(deps).start();
    const stopTriggers = startTriggerFiring(deps);
    const stopAlerts = startAlertSweeps(deps);
    return async () => {
      await stopAlerts();
      await stopTriggers();
      await stopMessaging();
    };
  },
};

export { messagingModule } from './messaging/messaging.module';
export { unknownFields } from './template/merge-fields';
