import { loader, money, Money, toConnection, type SubgraphContext } from '@attendant/kit';
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
import type { CatalogService } from '../catalog/catalog.service';
import { ServiceType } from '../catalog/catalog.type';
import { WorkOrder } from '../work-order/work-order.type';
import type { VendorService } from './vendor.service';
import {
  CreateVendorInput,
  UpdateVendorInput,
  Vendor,
  VendorConnection,
  VendorOffer,
  VendorOfferInput,
  VendorQuality,
  VendorWindowInput,
} from './vendor.type';

const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
const WRITERS = ['ADMIN', 'MANAGER'] as const;

@ArgsType()
class VendorsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => String, { nullable: true, description: 'Matches name or email' }) search?: string;
  @Field(() => ID, { nullable: true, description: 'Only vendors offering this service type' })
  serviceTypeId?: string;
  @Field({ nullable: true, description: 'Also list deactivated vendors' })
  includeInactive?: boolean;
}

@Resolver(() => Vendor)
export class VendorResolver {
  constructor(private readonly service: VendorService) {}

  @Authorized(...READERS)
  @Query(() => VendorConnection, { description: 'Vendors by name' })
  async vendors(@Args() args: VendorsArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...READERS)
  @Query(() => Vendor)
  vendor(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Vendor)
  createVendor(@Arg('input') input: CreateVendorInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Vendor)
  updateVendor(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateVendorInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Vendor, { description: 'Deactivated vendors are not offered for new work' })
  setVendorActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setActive(ctx.actor, id, active);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Vendor, { description: 'Replaces the services the vendor offers' })
  setVendorOffers(
    @Arg('id', () => ID) id: string,
    @Arg('offers', () => [VendorOfferInput]) offers: VendorOfferInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setOffers(ctx.actor, id, offers);
  }

  @Authorized(...WRITERS)
  @Mutation(() => Vendor, { description: 'Replaces the vendor’s weekly availability windows' })
  setVendorAvailability(
    @Arg('id', () => ID) id: string,
    @Arg('windows', () => [VendorWindowInput]) windows: VendorWindowInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setAvailability(ctx.actor, id, windows);
  }

  @FieldResolver(() => VendorQuality, {
    description: 'Computed from the vendor’s completed work orders',
  })
  quality(@Root() vendor: Vendor, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'VendorQuality', (ids) => this.service.qualityByIds(ctx.actor, ids)).load(
      vendor.id,
    );
  }
}

@Resolver(() => VendorOffer)
export class VendorOfferResolver {
  constructor(private readonly catalog: CatalogService) {}

  @FieldResolver(() => Money)
  price(@Root() offer: VendorOffer) {
    return money(offer.priceMinor, offer.currency);
  }

  @FieldResolver(() => ServiceType)
  serviceType(@Root() offer: VendorOffer, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'VendorOfferServiceType', (ids) =>
      this.catalog.serviceTypesByIds(ctx.actor, ids),
    ).load(offer.serviceTypeId);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderVendorResolver {
  constructor(private readonly service: VendorService) {}

  @FieldResolver(() => Vendor, { nullable: true, description: 'The vendor doing the job, if any' })
  vendor(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    if (!wo.vendorId) return null;
    return loader(ctx, 'Vendor', (ids) => this.service.byIds(ctx.actor, ids)).load(wo.vendorId);
  }
}

/** `_entities` for Vendor: all references of one request load in one query. */
export const vendorReference = (service: VendorService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'Vendor', (ids) => service.byIds(ctx.actor, ids)).load(ref.id);
  },
});
