import { toConnection, type SubgraphContext } from '@attendant/kit';
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
import { MESSAGE_READERS, MESSAGE_WRITERS } from '../shared/actors';
import { Guest, ref, WorkOrder } from '../shared/references';
import type { MessageService } from './message.service';
import { Message, MessageConnection, MessageFilter, RecordMessageInput } from './message.type';

@ArgsType()
class MessagesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => MessageFilter, { nullable: true }) @ValidateNested() filter?: MessageFilter;
}

@Resolver(() => Message)
export class MessageResolver {
  constructor(private readonly service: MessageService) {}

  @Authorized(...MESSAGE_READERS)
  @Query(() => MessageConnection, { description: 'Messages, newest first' })
  async messages(@Args() args: MessagesArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...MESSAGE_READERS)
  @Query(() => Message, { nullable: true, description: 'One message, or null when not found' })
  async message(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return (await this.service.byIds(ctx.actor, [id]))[0] ?? null;
  }

  @Authorized(...MESSAGE_WRITERS)
  @Mutation(() => Message, {
    description: 'Records an outbound message as a DRAFT (nothing is sent yet)',
  })
  recordMessage(@Arg('input') input: RecordMessageInput, @Ctx() ctx: SubgraphContext) {
    return this.service.record(ctx.actor, input);
  }

  @FieldResolver(() => String, { description: 'Recipient address (phone number or email address)' })
  to(@Root() message: Message) {
    return message.toAddress;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sender address, once known' })
  from(@Root() message: Message) {
    return message.fromAddress;
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() message: Message) {
    return ref('Guest', message.guestId);
  }

  @FieldResolver(() => WorkOrder, { nullable: true })
  workOrder(@Root() message: Message) {
    return ref('WorkOrder', message.workOrderId);
  }
}
