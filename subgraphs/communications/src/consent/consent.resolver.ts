import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Channel } from '../shared/channel';
import { Guest, ref } from '../shared/references';
import type { ConsentService } from './consent.service';
import { ConsentRecord } from './consent.type';

@Resolver(() => ConsentRecord)
export class ConsentResolver {
  constructor(private readonly service: ConsentService) {}

  @Authorized(...MESSAGE_READERS)
  @Query(() => [ConsentRecord], {
    description: 'Consent changes of an address on a channel, newest first (at most 200)',
  })
  consentHistory(
    @Arg('address') address: string,
    @Arg('channel', () => Channel) channel: Channel,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.history(ctx.actor, address, channel);
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() record: ConsentRecord) {
    return ref('Guest', record.guestId);
  }
}
