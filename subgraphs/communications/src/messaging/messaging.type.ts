import { MessagePurpose } from '@attendant/db';
import { IsIn, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel } from '../shared/channel';

@InputType()
export class SendMessageInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;
  @Field(() => Channel, { description: 'SMS, WHATSAPP or EMAIL' })
  @IsIn(['SMS', 'WHATSAPP', 'EMAIL'], {
    message: 'sendMessage sends SMS, WhatsApp and email messages',
  })
  channel!: Channel;
  @Field({ description: 'Phone number in E.164, like +15551234567, or an email address' })
  @Length(1, 254, { message: 'Recipient must be 1 to 254 characters' })
  to!: string;
  @Field({
    description: 'The text (SMS and WhatsApp: at most 1600 characters; email: the text part)',
  })
  @Length(1, 20000, { message: 'Body must be 1 to 20000 characters' })
  @Matches(/\S/, { message: 'Body cannot be blank' })
  body!: string;
  @Field(() => String, { nullable: true, description: 'Email only, required there' })
  @IsOptional()
  @MaxLength(250, { message: 'Subject must be at most 250 characters' })
  subject?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Email only: the HTML part; made from the body when unset',
  })
  @IsOptional()
  @MaxLength(100000, { message: 'HTML must be at most 100000 characters' })
  html?: string;
  @Field(() => MessagePurpose)
  purpose!: MessagePurpose;
  @Field(() => String, {
    nullable: true,
    description: 'The same key again answers with the message it first created (no second send)',
  })
  @IsOptional()
  @Length(1, 200, { message: 'idempotencyKey must be 1 to 200 characters' })
  idempotencyKey?: string;
  @Field(() => String, {
    nullable: true,
    description: "The recipient's IANA time zone for quiet hours; the organization's when unset",
  })
  @IsOptional()
  @MaxLength(64)
  recipientTimeZone?: string;
}

@ObjectType({ description: 'How an SMS body is split into segments, shown before sending' })
export class SmsSegments {
  @Field({ description: 'GSM-7 or UCS-2' }) encoding!: string;
  @Field(() => Int) segments!: number;
  @Field(() => Int, { description: 'Length in the encoding units' }) units!: number;
  @Field(() => Int, { description: 'Units per segment at this length' }) perSegment!: number;
  @Field(() => Int, { description: 'Units left in the last segment' }) charactersLeft!: number;
  @Field(() => [String], { description: 'Characters that forced UCS-2' })
  ucs2Characters!: string[];
}
