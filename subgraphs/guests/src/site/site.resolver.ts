import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { companyLoader } from '../company/company.reference';
import type { CompanyService } from '../company/company.service';
import { Company } from '../company/company.type';
import { guestLoader } from '../guest/guest.reference';
import type { GuestService } from '../guest/guest.service';
import { Guest } from '../guest/guest.type';
import { WRITERS } from '../shared/roles';
import type { SiteService } from './site.service';
import { CreateSiteInput, Site, SiteConnection } from './site.type';

@Resolver(() => Site)
export class SiteResolver {
  constructor(
    private readonly service: SiteService,
    private readonly guests: GuestService,
    private readonly companies: CompanyService,
  ) {}

  @Authorized()
  @Query(() => SiteConnection, { description: 'Sites by name' })
  async sites(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('guestId', () => ID, { nullable: true, description: 'Only the sites of this guest' })
    guestId?: string,
  ) {
    return toConnection(await this.service.list(ctx.actor, { first, after, guestId }));
  }

  @Authorized()
  @Query(() => Site)
  site(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Site)
  createSite(@Arg('input') input: CreateSiteInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @FieldResolver(() => Guest, { nullable: true })
  guest(@Root() site: Site, @Ctx() ctx: SubgraphContext) {
    return site.guestId ? guestLoader(ctx, this.guests).load(site.guestId) : null;
  }

  @FieldResolver(() => Company, { nullable: true })
  company(@Root() site: Site, @Ctx() ctx: SubgraphContext) {
    return site.companyId ? companyLoader(ctx, this.companies).load(site.companyId) : null;
  }
}

@Resolver(() => Guest)
export class GuestSitesResolver {
  constructor(private readonly siteService: SiteService) {}

  @FieldResolver(() => [Site], { description: 'Sites of this guest, by name' })
  async sites(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'SitesByGuest', (ids) => this.siteService.forGuests(ctx.actor, ids)).load(
          guest.id,
        )
      )?.rows ?? []
    );
  }
}
