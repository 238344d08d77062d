import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Message } from '../message/message.type';
import { MESSAGE_READERS, MESSAGE_WRITERS } from '../shared/actors';
import { Guest, ref } from '../shared/references';
import { whatsappWindowClosesAt, type ConversationService } from './conversation.service';
import { Conversation, ConversationConnection, ConversationFilter } from './conversation.type';

@ArgsType()
class ConversationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => ConversationFilter, { nullable: true })
  @ValidateNested()
  filter?: ConversationFilter;
}

@Resolver(() => Conversation)
export class ConversationResolver {
  constructor(private readonly service: ConversationService) {}

  @Authorized(...MESSAGE_READERS)
  @Query(() => ConversationConnection, { description: 'SMS and WhatsApp threads, latest first' })
  async conversations(@Args() args: ConversationsArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => Conversation, { nullable: true })
  async conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return (await this.service.byIds(ctx.actor, [id]))[0] ?? null;
  }

  @Authorized(...MESSAGE_WRITERS)
  @Mutation(() => Conversation, { description: "Marks the contact's messages as read" })
  markConversationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.markRead(ctx.actor, id);
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() conversation: Conversation) {
    return ref('Guest', conversation.guestId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'WhatsApp only: until when free-form messages are allowed (24 h after the contact last wrote); null when closed',
  })
  whatsappWindowClosesAt(@Root() conversation: Conversation) {
    return whatsappWindowClosesAt(conversation);
  }
}

/** `Message.conversation`, loaded for all messages of a request in one query. */
@Resolver(() => Message)
export class MessageConversationResolver {
  constructor(private readonly service: ConversationService) {}

  @FieldResolver(() => Conversation, { nullable: true })
  conversation(@Root() message: Message, @Ctx() ctx: SubgraphContext) {
    if (!message.conversationId) return null;
    return loader(ctx, 'Conversation', (ids) => this.service.byIds(ctx.actor, ids)).load(
      message.conversationId,
    );
  }
}
