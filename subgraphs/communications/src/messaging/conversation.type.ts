import { Connection } from '@attendant/kit';
import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel } from '../shared/channel';

@ObjectType({
  description: 'A thread with one contact on one channel through one of our senders',
})
export class Conversation {
  @Field(() => ID) id!: string;
  @Field(() => Channel) channel!: Channel;
  @Field({ description: "The contact's phone number" }) contactAddress!: string;
  @Field({ description: 'Our number (or messaging service) in this thread' })
  businessAddress!: string;
  @Field(() => Date, { nullable: true, description: 'When the contact last wrote' })
  lastInboundAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastMessageAt!: Date | null;
  @Field(() => Int, { description: 'Messages from the contact not yet marked read' })
  unreadCount!: number;
  @Field() createdAt!: Date;
  guestId!: string | null;
  organizationId!: string;
}

export const ConversationConnection = Connection(Conversation, 'Conversation');

@InputType()
export class ConversationFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => Channel, { nullable: true }) channel?: Channel;
  @Field(() => Boolean, { nullable: true, description: 'Only threads with unread messages' })
  unreadOnly?: boolean;
}
