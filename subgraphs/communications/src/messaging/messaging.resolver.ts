import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Message } from '../message/message.type';
import { MESSAGE_READERS, MESSAGE_WRITERS } from '../shared/actors';
import type { MessagingService } from './messaging.service';
import { SendMessageInput, SmsSegments } from './messaging.type';

@Resolver()
export class MessagingResolver {
  constructor(private readonly service: MessagingService) {}

  @Authorized(...MESSAGE_WRITERS)
  @Mutation(() => Message, {
    description:
      'Sends an SMS, WhatsApp message or email. Answers REFUSED with refusedReason (nothing sent) when consent or the WhatsApp window forbids it; else QUEUED (marketing may wait for quiet hours to end)',
  })
  sendMessage(@Arg('input') input: SendMessageInput, @Ctx() ctx: SubgraphContext) {
    return this.service.send(ctx.actor, input);
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => SmsSegments, {
    description: 'Segments and encoding of an SMS body (composer preview)',
  })
  smsSegments(@Arg('body') body: string) {
    return this.service.segments(body);
  }
}
