import { Connection } from '@attendant/kit';
import { MessageDirection, MessageStatus } from '@attendant/db';
import { IsIn, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../shared/channel';

registerEnumType(MessageDirection, { name: 'MessageDirection' });
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description:
    'DRAFT until a provider takes it; then QUEUED, SENT, DELIVERED (or UNDELIVERED, FAILED); RECEIVED for inbound',
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A message to or from a guest or customer' })
export class Message {
  @Field(() => ID) id!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => MessageDirection) direction!: MessageDirection;
  @Field(() => MessageStatus) status!: MessageStatus;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field() body!: string;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field() createdAt!: Date;

  // Exposed as `to` and `from` by field resolvers.
  toAddress!: string;
  fromAddress!: string | null;
  // Plain ids into other domains, resolved as entity references.
  guestId!: string | null;
  workOrderId!: string | null;
  organizationId!: string;
}

export const MessageConnection = Connection(Message, 'Message');

@InputType()
export class MessageFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => Channel, { nullable: true }) channel?: Channel;
  @Field(() => [MessageStatus], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(MessageStatus), { each: true })
  status?: MessageStatus[];
}

@InputType()
export class RecordMessageInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;
  @Field(() => Channel) channel!: Channel;
  @Field({
    description:
      'Phone number in E.164 (+15551234567) for SMS and WhatsApp, an email address for EMAIL',
  })
  @Length(1, 320, { message: 'Recipient must be 1 to 320 characters' })
  to!: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Subject must be at most 200 characters' })
  subject?: string;
  @Field()
  @Length(1, 1600, { message: 'Body must be 1 to 1600 characters' })
  @Matches(/\S/, { message: 'Body cannot be blank' })
  body!: string;
}
