import { MessagePurpose, TriggerEvent } from '@attendant/db';
import { Connection } from '@attendant/kit';
import { IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SmsSegments } from '../messaging/messaging.type';
import { Channel } from '../shared/channel';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** A Twilio Content template id. */
export const CONTENT_SID = /^HX[0-9a-f]{32}$/;
const CONTENT_SID_FIELD = {
  nullable: true,
  description:
    "WhatsApp only: the Twilio Content template (HX…) approved by WhatsApp, sent outside the 24-hour window; its {{1}}, {{2}}… are this body's merge fields in order",
};
const CONTENT_SID_MESSAGE = {
  message: 'The WhatsApp content SID must be HX followed by 32 hex characters',
};

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'Reusable message text with merge fields, for one channel and language',
})
export class Template {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Channel) channel!: Channel;
  @Field({ description: 'Language tag, like "en" or "de-CH"' }) language!: string;
  @Field(() => MessagePurpose, { description: 'Which consent and quiet hours apply when sent' })
  purpose!: MessagePurpose;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field({ description: 'Text with merge fields like {{guest.firstName}}' }) body!: string;
  @Field(() => String, { nullable: true, description: 'Email HTML body (email later)' })
  html!: string | null;
  @Field(() => String, CONTENT_SID_FIELD) whatsappContentSid!: string | null;
  @Field() active!: boolean;
  @Field(() => Int, { description: 'Bumped on every edit' }) version!: number;
  @Field() updatedAt!: Date;
  organizationId!: string;
}

@InputType()
export class CreateTemplateInput {
  @Field()
  @Length(1, 120, { message: 'Name must be 1 to 120 characters' })
  @Matches(/\S/, { message: 'Name cannot be blank' })
  name!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => String, { nullable: true, description: "The organization's default when unset" })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'Language must be a tag like "en" or "de-CH"' })
  language?: string;
  @Field(() => MessagePurpose, { nullable: true, description: 'TRANSACTIONAL when unset' })
  @IsOptional()
  purpose?: MessagePurpose;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Subject must be at most 200 characters' })
  subject?: string;
  @Field()
  @Length(1, 1600, { message: 'Body must be 1 to 1600 characters' })
  @Matches(/\S/, { message: 'Body cannot be blank' })
  body!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100_000, { message: 'HTML must be at most 100000 characters' })
  html?: string;
  @Field(() => String, CONTENT_SID_FIELD)
  @IsOptional()
  @Matches(CONTENT_SID, CONTENT_SID_MESSAGE)
  whatsappContentSid?: string;
}

@InputType()
export class UpdateTemplateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'Name must be 1 to 120 characters' })
  @Matches(/\S/, { message: 'Name cannot be blank' })
  name?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'Language must be a tag like "en" or "de-CH"' })
  language?: string;
  @Field(() => MessagePurpose, { nullable: true })
  @IsOptional()
  purpose?: MessagePurpose;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'Subject must be at most 200 characters' })
  subject?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1600, { message: 'Body must be 1 to 1600 characters' })
  @Matches(/\S/, { message: 'Body cannot be blank' })
  body?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100_000)
  html?: string;
  @Field(() => String, { ...CONTENT_SID_FIELD, description: 'An empty string removes it' })
  @IsOptional()
  @Matches(new RegExp(`${CONTENT_SID.source}|^$`), CONTENT_SID_MESSAGE)
  whatsappContentSid?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() active?: boolean;
}

@InputType({ description: 'Sample data for a preview; fields left out render empty' })
export class TemplateSampleInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) guestFirstName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) guestLastName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) technicianName?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() jobNumber?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) jobTitle?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() windowStart?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() windowEnd?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() eta?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) trackingLink?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() invoiceAmountMinor?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(3) currency?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) paymentLink?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) propertyName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) invoiceNumber?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() invoiceDueAt?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) roomNumber?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() arrivalAt?: Date;
}

@InputType({ description: 'A saved template (id) or a draft text (body) to preview' })
export class PreviewTemplateInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1600, { message: 'Body must be 1 to 1600 characters' })
  body?: string;
  @Field(() => TemplateSampleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  sample?: TemplateSampleInput;
  @Field(() => Channel, { nullable: true, description: "A draft's channel (SMS when unset)" })
  @IsOptional()
  channel?: Channel;
  @Field(() => String, { nullable: true, description: "A draft's email subject" })
  @IsOptional()
  @MaxLength(200, { message: 'Subject must be at most 200 characters' })
  subject?: string;
  @Field(() => String, { nullable: true, description: "A draft's email HTML" })
  @IsOptional()
  @MaxLength(100_000, { message: 'HTML must be at most 100000 characters' })
  html?: string;
  @Field(() => TriggerEvent, {
    nullable: true,
    description: 'Warn about fields this trigger event has no data for',
  })
  @IsOptional()
  event?: TriggerEvent;
}

@ObjectType({ description: 'A place in a template the editor flags, with its position' })
export class TemplateProblem {
  @Field({ description: 'body, subject or html' }) part!: string;
  @Field({ description: 'ERROR (cannot be saved) or WARNING (renders empty)' }) severity!: string;
  @Field() message!: string;
  @Field({ description: 'The flagged text, e.g. {{customer.name}}' }) text!: string;
  @Field(() => Int, { description: '1-based' }) line!: number;
  @Field(() => Int, { description: '1-based' }) column!: number;
}

@ObjectType({ description: 'A merge field the template editor offers' })
export class MergeField {
  @Field({ description: 'As written in a template, without braces: guest.firstName' })
  name!: string;
  @Field() label!: string;
  @Field() example!: string;
}

@InputType({ description: 'Which templates a page lists; unset parts match every template' })
export class TemplateFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name or the text' })
  @IsOptional()
  @MaxLength(100)
  search?: string;
  @Field(() => Channel, { nullable: true }) @IsOptional() channel?: Channel;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) language?: string;
}

@ObjectType({ description: 'A template rendered with sample data' })
export class TemplatePreview {
  @Field() text!: string;
  @Field(() => [String], { description: 'Fields that do not exist; the text cannot be saved' })
  unknownFields!: string[];
  @Field(() => [String], { description: 'Fields used that had no data in the sample' })
  emptyFields!: string[];
  @Field(() => [String], { description: 'Every merge field a template may use' })
  availableFields!: string[];
  @Field(() => Int, { nullable: true, description: 'SMS segments of the rendered text' })
  segments!: number | null;
  @Field(() => SmsSegments, {
    nullable: true,
    description: 'Encoding, segments and characters left of the rendered SMS',
  })
  sms!: SmsSegments | null;
  @Field(() => String, { nullable: true, description: 'The rendered email subject' })
  subject!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The rendered email HTML, merge values HTML-escaped',
  })
  html!: string | null;
  @Field(() => [TemplateProblem], {
    description: 'Unknown fields and stray braces (errors) and fields without data (warnings)',
  })
  problems!: TemplateProblem[];
}

export const TemplateConnection = Connection(Template, 'Template');
