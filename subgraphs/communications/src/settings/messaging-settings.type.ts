import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: "The organization's SMS and WhatsApp senders, help text and quiet hours",
})
export class MessagingSettings {
  @Field(() => String, { nullable: true, description: 'SMS sender number in E.164' })
  fromNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Twilio messaging service (MG…), used when no sender number is set',
  })
  messagingServiceSid!: string | null;
  @Field(() => String, { nullable: true, description: 'WhatsApp sender number in E.164' })
  whatsappFrom!: string | null;
  @Field({ description: 'The answer to HELP or INFO' }) helpText!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Quiet hours for marketing: minutes after local midnight (start > end wraps)',
  })
  quietHoursStart!: number | null;
  @Field(() => Int, { nullable: true }) quietHoursEnd!: number | null;
  @Field({ description: 'IANA zone of the organization, e.g. Europe/Prague' }) timeZone!: string;
  @Field(() => String, { nullable: true, description: 'Shown as {{organization.name}}' })
  senderName!: string | null;
  @Field({ description: 'Language of templates when the recipient has none' })
  defaultLanguage!: string;
  @Field(() => Date, { nullable: true, description: 'Null until saved once' })
  updatedAt!: Date | null;
}

/** Every field optional: unset keeps the value, null clears it (where it may be empty). */
@InputType()
export class UpdateMessagingSettingsInput {
  @Field(() => String, { nullable: true }) fromNumber?: string | null;
  @Field(() => String, { nullable: true }) messagingServiceSid?: string | null;
  @Field(() => String, { nullable: true }) whatsappFrom?: string | null;
  @Field(() => String, { nullable: true }) helpText?: string;
  @Field(() => Int, { nullable: true }) quietHoursStart?: number | null;
  @Field(() => Int, { nullable: true }) quietHoursEnd?: number | null;
  @Field(() => String, { nullable: true }) timeZone?: string;
  @Field(() => String, { nullable: true }) senderName?: string | null;
  @Field(() => String, { nullable: true }) defaultLanguage?: string;
}
