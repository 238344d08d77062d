import type { SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MESSAGE_READERS } from '../shared/actors';
import { Channel } from '../shared/channel';
import { Guest, ref } from '../shared/references';
import { CONSENT_RECORDERS, type ConsentService } from './consent.service';
import { ConsentRecord, RecordConsentInput } from './consent.type';

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

  @Authorized(...CONSENT_RECORDERS)
  @Mutation(() => ConsentRecord, {
    description:
      'Records an opt-in (or opt-out) given outside a message, with its source; the same change again answers the existing record',
  })
  recordConsent(@Arg('input') input: RecordConsentInput, @Ctx() ctx: SubgraphContext) {
    return this.service.record(ctx.actor, input);
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() record: ConsentRecord) {
    return ref('Guest', record.guestId);
  }
}
