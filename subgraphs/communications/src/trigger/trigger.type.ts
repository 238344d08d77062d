import { TriggerEvent, TriggerFiringStatus } from '@attendant/db';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Connection } from '@attendant/kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../shared/channel';

registerEnumType(TriggerEvent, {
  name: 'TriggerEvent',
  description: 'What happened, that an automatic message follows',
});
registerEnumType(TriggerFiringStatus, {
  name: 'TriggerFiringStatus',
  description: 'Where one automatic send stands',
});

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'EMERGENCY'];
const KINDS = ['HOTEL_SERVICE', 'FIELD_JOB'];
const MAX_OFFSET = 60 * 24 * 30;

@ObjectType({ description: 'Which events a trigger fires on; unset parts match everything' })
export class TriggerConditionsType {
  @Field(() => [String], { nullable: true }) priorities?: string[];
  @Field(() => [String], { nullable: true }) kinds?: string[];
  @Field(() => Boolean, { nullable: true }) vipOnly?: boolean;
}

@InputType()
export class TriggerConditionsInput {
  @Field(() => [String], { nullable: true, description: 'Work order priorities, like EMERGENCY' })
  @IsOptional()
  @IsIn(PRIORITIES, { each: true, message: `Priorities must be among ${PRIORITIES.join(', ')}` })
  priorities?: string[];
  @Field(() => [String], { nullable: true, description: 'Work order kinds' })
  @IsOptional()
  @IsIn(KINDS, { each: true, message: `Kinds must be among ${KINDS.join(', ')}` })
  kinds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Only for VIP guests' })
  @IsOptional()
  vipOnly?: boolean;
}

@ObjectType({ description: 'An automatic message: on this event, send this template' })
export class Trigger {
  @Field(() => ID) id!: string;
  @Field(() => TriggerEvent) event!: TriggerEvent;
  @Field(() => Channel) channel!: Channel;
  @Field(() => ID) templateId!: string;
  @Field(() => Int, {
    description: '0 sends on the event; else minutes from the event time (-1440: a day before)',
  })
  offsetMinutes!: number;
  @Field(() => TriggerConditionsType) conditions!: TriggerConditionsType;
  @Field() enabled!: boolean;
  @Field({ description: 'Whether events drive this kind yet' }) implemented!: boolean;
  organizationId!: string;
}

@InputType()
export class CreateTriggerInput {
  @Field(() => TriggerEvent) event!: TriggerEvent;
  @Field(() => Channel, {
    nullable: true,
    description: "The channel it sends on; refused when it is not the template's",
  })
  @IsOptional()
  channel?: Channel;
  @Field(() => ID, { description: 'Its channel is the trigger channel' })
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId!: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-MAX_OFFSET, { message: 'The offset can be at most 30 days before' })
  @Max(MAX_OFFSET, { message: 'The offset can be at most 30 days after' })
  offsetMinutes?: number;
  @Field(() => TriggerConditionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  conditions?: TriggerConditionsInput;
  @Field(() => Boolean, { nullable: true }) @IsOptional() enabled?: boolean;
}

@InputType()
export class UpdateTriggerInput {
  @Field(() => Channel, {
    nullable: true,
    description: "The channel it sends on; refused when it is not the template's",
  })
  @IsOptional()
  channel?: Channel;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(-MAX_OFFSET, { message: 'The offset can be at most 30 days before' })
  @Max(MAX_OFFSET, { message: 'The offset can be at most 30 days after' })
  offsetMinutes?: number;
  @Field(() => TriggerConditionsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  conditions?: TriggerConditionsInput;
  @Field(() => Boolean, { nullable: true }) @IsOptional() enabled?: boolean;
}

@ObjectType({ description: 'One automatic send: planned, sent, refused or skipped, with why' })
export class TriggerFiring {
  @Field(() => ID) id!: string;
  @Field(() => ID) triggerId!: string;
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => TriggerFiringStatus) status!: TriggerFiringStatus;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() scheduledFor!: Date;
  @Field(() => Date, { nullable: true }) firedAt!: Date | null;
  @Field(() => ID, { nullable: true }) messageId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The guest it was for (links to the message)' })
  guestId!: string | null;
}

export const TriggerFiringConnection = Connection(TriggerFiring, 'TriggerFiring');
