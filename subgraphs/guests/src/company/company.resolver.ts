import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GuestService } from '../guest/guest.service';
import { Guest } from '../guest/guest.type';
import type { CompanyService } from './company.service';
import { Company, CompanyConnection } from './company.type';

@Resolver(() => Company)
export class CompanyResolver {
  constructor(
    private readonly service: CompanyService,
    private readonly guestService: GuestService,
  ) {}

  @Authorized()
  @Query(() => CompanyConnection, { description: 'Companies by name' })
  async companies(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('search', () => String, { nullable: true, description: 'Matches name, tax id or email' })
    search?: string,
  ) {
    return toConnection(await this.service.list(ctx.actor, { first, after, search }));
  }

  @Authorized()
  @Query(() => Company)
  company(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @FieldResolver(() => [Guest], {
    description: 'The first 50 guests of this company, by name; see guestCount for all',
  })
  async guests(@Root() company: Company, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'GuestsByCompany', (ids) =>
          this.guestService.forCompanies(ctx.actor, ids),
        ).load(company.id)
      )?.rows ?? []
    );
  }

  @FieldResolver(() => Int, { description: 'How many guests belong to this company' })
  async guestCount(@Root() company: Company, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'GuestCountByCompany', (ids) =>
          this.guestService.countForCompanies(ctx.actor, ids),
        ).load(company.id)
      )?.count ?? 0
    );
  }
}
