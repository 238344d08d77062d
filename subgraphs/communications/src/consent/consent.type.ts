import { ConsentStatus, MessagePurpose } from '@attendant/db';
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
