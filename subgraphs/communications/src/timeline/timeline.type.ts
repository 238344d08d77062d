import { Connection } from '@attendant/kit';
import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Message } from '../message/message.type';
import { GuestNote } from '../note/note.type';
import { User } from '../shared/references';

/** Where a timeline entry comes from: a message channel, a note, another domain, or an alert. */
export enum TimelineChannel {
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
  EMAIL = 'EMAIL',
  IN_APP = 'IN_APP',
  CALL = 'CALL',
  NOTE = 'NOTE',
  SYSTEM = 'SYSTEM',
  ALERT = 'ALERT',
}
registerEnumType(TimelineChannel, {
  name: 'TimelineChannel',
  description:
    'SMS, WHATSAPP, EMAIL, IN_APP: messages; CALL: logged calls; NOTE: internal notes; SYSTEM: work order, reservation and profile changes; ALERT: alerts about the guest',
});

export const TIMELINE_KINDS = [
  'MESSAGE_OUT',
  'MESSAGE_IN',
  'CALL',
  'NOTE',
  'SYSTEM',
  'ALERT',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

@ObjectType({
  description:
    'Something that happened with a guest: a message either way, a call, a note, a change elsewhere or an alert',
})
export class TimelineEntry {
  @Field(() => ID, { description: 'The id of the message, note, event or alert' }) id!: string;
  @Field() at!: Date;
  @Field(() => String, { description: `One of ${TIMELINE_KINDS.join(', ')}` }) kind!: TimelineKind;
  @Field(() => TimelineChannel) channel!: TimelineChannel;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'The start of the content, for the list' })
  detail!: string | null;
  @Field(() => String, { nullable: true, description: 'The whole content, to expand the entry' })
  body!: string | null;
  @Field(() => Message, {
    nullable: true,
    description: 'Messages: the message itself (delivery status, reply inline)',
  })
  message!: Message | null;
  @Field(() => GuestNote, { nullable: true, description: 'Calls and notes: the note itself' })
  note!: GuestNote | null;
  @Field(() => User, {
    nullable: true,
    description: 'Who sent, wrote or caused it; null for the guest, automations and the PMS',
  })
  author!: User | null;
}

export const TimelineConnection = Connection(TimelineEntry, 'Timeline');

@InputType({ description: 'Every condition given must hold' })
export class TimelineFilter {
  @Field(() => [TimelineChannel], { nullable: true, description: 'Only these channels' })
  channels?: TimelineChannel[] | null;
  @Field(() => Date, { nullable: true, description: 'At or after this time' })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time' })
  to?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Only what this staff member sent or wrote' })
  @IsOptional()
  @IsUUID('all', { message: 'userId is not a user id' })
  userId?: string | null;
}
