import { loader, money, Money, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Skill } from '../technician/technician.type';
import { WorkOrder } from '../work-order/work-order.type';
import type { CatalogService } from './catalog.service';
import { CreateServiceTypeInput, ServiceType, UpdateServiceTypeInput } from './catalog.type';

// The catalog is reference data every staff member sees on jobs; only managers change it.
const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR'] as const;
const EDITORS = ['ADMIN', 'MANAGER'] as const;

const serviceTypeLoader = (service: CatalogService, ctx: SubgraphContext) =>
  loader(ctx, 'ServiceType', (ids) => service.serviceTypesByIds(ctx.actor, ids));

@Resolver(() => ServiceType)
export class CatalogResolver {
  constructor(private readonly service: CatalogService) {}

  @Authorized(...READERS)
  @Query(() => [ServiceType], {
    description: 'The service catalog by name (active only unless asked)',
  })
  serviceTypes(
    @Ctx() ctx: SubgraphContext,
    @Arg('includeInactive', () => Boolean, { nullable: true }) includeInactive?: boolean,
    @Arg('search', () => String, { nullable: true, description: 'Matches name or description' })
    search?: string,
  ) {
    return this.service.list(ctx.actor, { includeInactive, search });
  }

  @Authorized(...READERS)
  @Query(() => ServiceType)
  serviceType(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...READERS)
  @Query(() => [Skill], { description: "The organization's skills by name" })
  skills(@Ctx() ctx: SubgraphContext) {
    return this.service.skills(ctx.actor);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Skill)
  createSkill(@Arg('name') name: string, @Ctx() ctx: SubgraphContext) {
    return this.service.createSkill(ctx.actor, name);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceType)
  createServiceType(@Arg('input') input: CreateServiceTypeInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceType)
  updateServiceType(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateServiceTypeInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceType, { description: 'Inactive types cannot be chosen for new orders' })
  setServiceTypeActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setActive(ctx.actor, id, active);
  }

  @FieldResolver(() => Money, { nullable: true })
  price(@Root() type: ServiceType) {
    return money(type.priceMinor, type.currency);
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderServiceTypeResolver {
  constructor(private readonly service: CatalogService) {}

  @FieldResolver(() => ServiceType, { nullable: true, description: 'From the service catalog' })
  serviceType(@Root() wo: { serviceTypeId?: string | null }, @Ctx() ctx: SubgraphContext) {
    if (!wo.serviceTypeId) return null;
    return serviceTypeLoader(this.service, ctx).load(wo.serviceTypeId);
  }
}

/** `_entities` for ServiceType: all references of one request load in one query. */
export const serviceTypeReference = (service: CatalogService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return serviceTypeLoader(service, ctx).load(ref.id);
  },
});
