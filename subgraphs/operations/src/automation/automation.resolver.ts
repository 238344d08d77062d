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
import type { TeamService } from '../people/team.service';
import { Team } from '../people/team.type';
import type { AutomationService } from './automation.service';
import {
  AutomationConditions,
  AutomationMatch,
  AutomationPreviewInput,
  AutomationRule,
  AutomationRunResult,
  CreateAutomationRuleInput,
  UpdateAutomationRuleInput,
} from './automation.type';

// Settings: managers change them, dispatch may look.
const READERS = ['ADMIN', 'MANAGER', 'DISPATCHER'] as const;
const EDITORS = ['ADMIN', 'MANAGER'] as const;

@Resolver(() => AutomationRule)
export class AutomationResolver {
  constructor(
    private readonly service: AutomationService,
    private readonly catalog: CatalogService,
    private readonly teams: TeamService,
  ) {}

  @Authorized(...READERS)
  @Query(() => [AutomationRule], { description: 'Automation rules by name' })
  automationRules(@Ctx() ctx: SubgraphContext) {
    return this.service.list(ctx.actor);
  }

  @Authorized(...READERS)
  @Query(() => AutomationRule)
  automationRule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...READERS)
  @Query(() => [AutomationMatch], {
    description: 'Reservations of the next 7 days these conditions would create an order for',
  })
  previewAutomationRule(@Arg('input') input: AutomationPreviewInput, @Ctx() ctx: SubgraphContext) {
    return this.service.preview(ctx.actor, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AutomationRule)
  createAutomationRule(
    @Arg('input') input: CreateAutomationRuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.create(ctx.actor, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AutomationRule)
  updateAutomationRule(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAutomationRuleInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.update(ctx.actor, id, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AutomationRule)
  setAutomationRuleActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.service.setActive(ctx.actor, id, active);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Boolean, { description: 'Orders the rule created stay' })
  deleteAutomationRule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.delete(ctx.actor, id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => AutomationRunResult, {
    description: 'Runs the rules now over the reservations of the next 72 hours',
  })
  runAutomationRules(@Ctx() ctx: SubgraphContext) {
    return this.service.run(ctx.actor);
  }

  @FieldResolver(() => AutomationConditions)
  conditions(@Root() rule: AutomationRule & { conditions: unknown }) {
    return this.service.conditionsOf(rule);
  }

  @FieldResolver(() => ServiceType, { nullable: true })
  serviceType(@Root() rule: AutomationRule, @Ctx() ctx: SubgraphContext) {
    return loader(ctx, 'ServiceType', (ids) => this.catalog.serviceTypesByIds(ctx.actor, ids)).load(
      rule.serviceTypeId,
    );
  }

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() rule: AutomationRule, @Ctx() ctx: SubgraphContext) {
    if (!rule.teamId) return null;
    return loader(ctx, 'Team', (ids) => this.teams.byIds(ctx.actor, ids)).load(rule.teamId);
  }
}
