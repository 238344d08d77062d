import { ConsentStatus } from '@attendant/db';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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
  @Field() recordedAt!: Date;
  guestId!: string | null;
  organizationId!: string;
}
