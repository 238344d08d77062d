import { ConsentStatus, MessagePurpose } from '@attendant/db';
import { IsIn, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../shared/channel';

registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

@ObjectType({
  description:
    'One change of whether an address may be messaged on a channel; the newest one counts',
})
export class ConsentRecord {
  @Field(() => ID) id!: string;
  @Field(() => Channel) channel!: Channel;
  @Field() address!: string;
  @Field(() => ConsentStatus) status!: ConsentStatus;
  @Field({ description: 'Where the consent came from, e.g. "STOP reply" or "booking form"' })
  source!: string;
  @Field(() => MessagePurpose, {
    nullable: true,
    description: 'TRANSACTIONAL or MARKETING; null when it covers every message (a STOP reply)',
  })
  purpose!: MessagePurpose | null;
  @Field(() => String, { nullable: true, description: 'The reply keyword, e.g. STOP or START' })
  keyword!: string | null;
  @Field(() => ID, { nullable: true, description: 'The inbound message that carried the keyword' })
  messageId!: string | null;
  @Field() recordedAt!: Date;
  guestId!: string | null;
  organizationId!: string;
}

@InputType({
  description: 'A consent a person gave or withdrew outside a message (front desk, phone)',
})
export class RecordConsentInput {
  @Field(() => Channel)
  @IsIn(['SMS', 'WHATSAPP', 'EMAIL'], { message: 'Consent is recorded for SMS, WhatsApp or email' })
  channel!: Channel;
  @Field({ description: 'Phone number in E.164, or an email address' })
  @Length(1, 200, { message: 'Address must be 1 to 200 characters' })
  address!: string;
  @Field(() => ConsentStatus, { description: 'OPTED_IN when unset', nullable: true })
  @IsOptional()
  status?: ConsentStatus;
  @Field(() => MessagePurpose, {
    nullable: true,
    description: 'TRANSACTIONAL or MARKETING; unset covers every message',
  })
  @IsOptional()
  purpose?: MessagePurpose;
  @Field({ description: 'How it was given, e.g. "verbal consent at front desk"' })
  @Length(3, 200, { message: 'Source must be 3 to 200 characters' })
  @Matches(/\S/, { message: 'Source cannot be blank' })
  source!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'guestId must be a UUID' })
  guestId?: string;
}
