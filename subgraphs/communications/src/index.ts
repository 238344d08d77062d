import { buildFederatedSchema, containerOf, type SubgraphDefinition } from '@attendant/kit';
import { alertReference } from './alert/alert.reference';
import { AlertResolver } from './alert/alert.resolver';
import { AlertService } from './alert/alert.service';
import { ConsentResolver } from './consent/consent.resolver';
import { ConsentService } from './consent/consent.service';
import { messageReference } from './message/message.reference';
import { MessageResolver } from './message/message.resolver';
import { MessageService } from './message/message.service';
import { templateReference } from './template/template.reference';
import { TemplateResolver } from './template/template.resolver';
import { TemplateService } from './template/template.service';
import { GuestTimelineResolver } from './timeline/timeline.resolver';
import { TimelineService } from './timeline/timeline.service';

export const communicationsSubgraph: SubgraphDefinition = {
  name: 'communications',
  async buildSchema({ db }) {
    const messages = new MessageService(db);
    const templates = new TemplateService(db);
    const alerts = new AlertService(db);
    const resolvers = [
      new MessageResolver(messages),
      new TemplateResolver(templates),
      new AlertResolver(alerts),
      new ConsentResolver(new ConsentService(db)),
      new GuestTimelineResolver(new TimelineService(messages, alerts)),
    ];
    return buildFederatedSchema(
      {
        resolvers: [
          MessageResolver,
          TemplateResolver,
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
    );
  },
};
