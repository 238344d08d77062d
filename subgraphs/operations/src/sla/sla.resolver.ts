import { loader, type SubgraphContext } from '@attendant/kit';
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
import type { CatalogService } from '../catalog/catalog.service';
import { ServiceType } from '../catalog/catalog.type';
import { WorkOrder } from '../work-order/work-order.type';
import type { SlaPolicyRow } from './sla.repository';
import type { SlaService } from './sla.service';
import { parseBusinessHours, type SlaRowLike } from './sla.status';
import {
  BusinessHoursRange,
  CreateSlaPolicyInput,
  SlaPolicy,
  SlaStatus,
  UpdateSlaPolicyInput,
} from './sla.type';

const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
const EDITORS = ['ADMIN', 'MANAGER'] as const;

@Resolver(() => SlaPolicy)
export class SlaPolicyResolver {
  constructor(
    private readonly service: SlaService,
    private readonly catalog: CatalogService,
  ) {}

  @Authorized(...READERS)
  @Query(() => [SlaPolicy], { description: 'SLA policies by name' })
  slaPolicies(
    @Ctx() ctx: SubgraphContext,
    @Arg('activeOnly', () => Boolean, { nullable: true }) activeOnly?: boolean,
  ) {
    return this.service.list(ctx.actor, activeOnly);
  }

  @Authorized(...READERS)
  @Query(() => SlaPolicy)
  slaPolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => SlaPolicy)
  createSlaPolicy(@Arg('input') input: CreateSlaPolicyInput, @Ctx() ctx: SubgraphContext) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => SlaPolicy, { description: 'Existing work orders keep their deadlines' })
  updateSlaPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateSlaPolicyInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Boolean, { description: 'Existing work orders keep their deadlines' })
  deleteSlaPolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.delete(ctx.actor, id);
  }

  @FieldResolver(() => [BusinessHoursRange], { nullable: true })
  businessHours(@Root() policy: SlaPolicyRow) {
    return parseBusinessHours(policy.businessHours);
  }

  @FieldResolver(() => String)
  timezone(@Root() policy: SlaPolicyRow, @Ctx() ctx: SubgraphContext) {
    return this.service.timezoneOf(ctx.actor, policy);
  }

  @FieldResolver(() => ServiceType, { nullable: true })
  serviceType(@Root() policy: SlaPolicyRow, @Ctx() ctx: SubgraphContext) {
    if (!policy.serviceTypeId) return null;
    return loader(ctx, 'ServiceType', (ids) => this.catalog.serviceTypesByIds(ctx.actor, ids)).load(
      policy.serviceTypeId,
    );
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderSlaResolver {
  constructor(private readonly service: SlaService) {}

  @FieldResolver(() => SlaStatus, { description: 'Where this order stands against its SLA' })
  async sla(@Root() wo: SlaRowLike, @Ctx() ctx: SubgraphContext) {
    const policy = wo.slaPolicyId
      ? await loader(ctx, 'SlaPolicyView', (ids) =>
          this.service.policiesByIds(ctx.actor, ids),
        ).load(wo.slaPolicyId)
      : null;
    return this.service.status(wo, new Date(), policy);
  }
}
