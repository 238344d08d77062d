import { Field, ObjectType } from 'type-graphql';
import { Channel } from '../shared/channel';

export const TIMELINE_KINDS = ['MESSAGE_OUT', 'MESSAGE_IN', 'ALERT'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

@ObjectType({
  description: 'Something that happened with a guest: a message either way, or an alert',
})
export class TimelineEntry {
  @Field() at!: Date;
  @Field(() => String, { description: `One of ${TIMELINE_KINDS.join(', ')}` }) kind!: TimelineKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field(() => Channel, { nullable: true, description: 'For messages: the channel used' })
  channel!: Channel | null;
}
