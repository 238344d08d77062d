import { Connection } from '@attendant/kit';
import { MessageDirection, MessagePurpose, MessageStatus } from '@attendant/db';
import { IsIn, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../shared/channel';

registerEnumType(MessageDirection, { name: 'MessageDirection' });
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description:
    'DRAFT until sent; REFUSED when the platform blocked it before any provider call (see refusedReason); then QUEUED, SENDING, SENT, DELIVERED (READ on WhatsApp) or UNDELIVERED, FAILED; RECEIVED for inbound',
});
registerEnumType(MessagePurpose, {
  name: 'MessagePurpose',
  description:
    'TRANSACTIONAL: about something the person asked for (never held back); MARKETING: needs an explicit opt-in and waits out quiet hours',
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
  @Field(() => String, { nullable: true, description: 'Email only: the HTML part' })
  html!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) failedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the delivery status last changed' })
  statusUpdatedAt!: Date | null;
  @Field(() => MessagePurpose) purpose!: MessagePurpose;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the platform refused to send it (consent, WhatsApp window); nothing reached the provider',
  })
  refusedReason!: string | null;
  @Field(() => String, { nullable: true, description: "The provider's error code, e.g. 30003" })
  errorCode!: string | null;
  @Field(() => String, { nullable: true, description: 'What went wrong, in words' })
  errorMessage!: string | null;
  @Field(() => Int, { nullable: true, description: 'SMS segments it is sent (and billed) as' })
  segments!: number | null;
  @Field(() => String, { nullable: true, description: 'GSM-7 or UCS-2 (SMS only)' })
  encoding!: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Marketing held back by quiet hours goes out at this time',
  })
  scheduledFor!: Date | null;
  @Field(() => ID, { nullable: true }) conversationId!: string | null;
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
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId?: string;
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
