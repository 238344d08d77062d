import { loader, money, Money, toConnection, type SubgraphContext } from '@attendant/kit';
import { ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
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
import { toLocalDate } from '../shared/ids';
import { WRITERS } from '../shared/roles';
import type { GuestService } from './guest.service';
import {
  CreateGuestInput,
  Guest,
  GuestConnection,
  GuestFilter,
  GuestOrder,
  UpdateGuestInput,
} from './guest.type';

@ArgsType()
class GuestsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => GuestFilter, { nullable: true }) @ValidateNested() filter?: GuestFilter;
  @Field(() => GuestOrder, { nullable: true, description: 'Default: last name A–Z' })
  orderBy?: GuestOrder;
}

@Resolver(() => Guest)
export class GuestResolver {
  constructor(
    private readonly service: GuestService,
    private readonly companies: CompanyService,
  ) {}

  @Authorized()
  @Query(() => GuestConnection, {
    description: 'Guests and customers, by last name unless ordered otherwise',
  })
  async guests(@Args() args: GuestsArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized()
  @Query(() => Guest)
  guest(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Guest)
  createGuest(@Arg('input') input: CreateGuestInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Guest)
  updateGuest(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateGuestInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @FieldResolver(() => String, { description: 'First and last name' })
  fullName(@Root() guest: Guest) {
    return this.service.fullName(guest);
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true })
  birthDate(@Root() guest: Guest) {
    return toLocalDate(guest.birthDate);
  }

  @FieldResolver(() => Company, { nullable: true })
  company(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    return guest.companyId ? companyLoader(ctx, this.companies).load(guest.companyId) : null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Spend of completed stays, in the PMS currency; null when no PMS is connected',
  })
  async totalSpend(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    // The currency is the organization's: one lookup per request, whatever the number of guests.
    const currency = await loader(ctx, 'GuestSpendCurrency', async (orgs) => {
      const value = await this.service.spendCurrency(ctx.actor);
      return orgs.map((id) => ({ id, value }));
    }).load(guest.organizationId);
    return money(guest.totalSpendMinor, currency?.value);
  }
}
