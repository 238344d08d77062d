import { loader, type SubgraphContext } from '@attendant/kit';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { WorkOrderService } from '../work-order/work-order.service';
import { WorkOrder } from '../work-order/work-order.type';
import type { AttachmentService } from './attachment.service';
import type { TimeEntryService } from './time-entry.service';
import type { WorkOrderDetailsService } from './work-order-details.service';
import {
  AddChecklistItemArgs,
  AddWorkOrderAttachmentInput,
  AddWorkOrderNoteArgs,
  AddWorkOrderPartInput,
  Attachment,
  ChecklistItem,
  LogTimeInput,
  PartLine,
  RateWorkOrderArgs,
  SetChecklistItemDoneArgs,
  TimeEntry,
  TimerArgs,
  WorkOrderNote,
} from './work-order-details.type';

// Field staff work on their own jobs' details; the service limits technicians to those.
const WORKERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'INTEGRATOR'] as const;
// The rating feeds vendor and technician quality, so the people rated do not record it.
const RATERS = ['ADMIN', 'MANAGER', 'DISPATCHER', 'INTEGRATOR'] as const;

/** One batched query per list per request: rows for every work order asked for, grouped. */
async function ofWorkOrder<T extends { workOrderId: string }>(
  ctx: SubgraphContext,
  key: string,
  workOrderId: string,
  batch: (ids: readonly string[]) => Promise<T[]>,
): Promise<T[]> {
  const l = loader(ctx, key, async (ids) => {
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of await batch(ids)) groups.get(row.workOrderId)?.push(row);
    return ids.map((id) => ({ id, rows: groups.get(id) ?? [] }));
  });
  return (await l.load(workOrderId))?.rows ?? [];
}

@Resolver(() => WorkOrder)
export class WorkOrderDetailsResolver {
  constructor(
    private readonly details: WorkOrderDetailsService,
    private readonly files: AttachmentService,
    private readonly time: TimeEntryService,
    private readonly workOrders: WorkOrderService,
  ) {}

  @FieldResolver(() => [ChecklistItem])
  checklist(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return ofWorkOrder(ctx, 'WorkOrderChecklist', wo.id, (ids) =>
      this.details.checklistOf(ctx.actor, ids),
    );
  }

  @FieldResolver(() => [WorkOrderNote], { description: 'Oldest first' })
  notes(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return ofWorkOrder(ctx, 'WorkOrderNotes', wo.id, (ids) => this.details.notesOf(ctx.actor, ids));
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return ofWorkOrder(ctx, 'WorkOrderAttachments', wo.id, (ids) =>
      this.files.attachmentsOf(ctx.actor, ids),
    );
  }

  @FieldResolver(() => [PartLine])
  parts(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return ofWorkOrder(ctx, 'WorkOrderParts', wo.id, (ids) => this.details.partsOf(ctx.actor, ids));
  }

  @FieldResolver(() => [TimeEntry])
  timeEntries(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return ofWorkOrder(ctx, 'WorkOrderTimeEntries', wo.id, (ids) =>
      this.time.timeEntriesOf(ctx.actor, ids),
    );
  }

  @FieldResolver(() => Int, { description: 'Minutes of the finished time entries' })
  async totalMinutesLogged(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    const entries = await this.timeEntries(wo, ctx);
    return entries.reduce((sum, e) => sum + (e.minutes ?? 0), 0);
  }

  @FieldResolver(() => WorkOrder, {
    nullable: true,
    description: 'The earlier job this one redoes',
  })
  reworkOf(@Root() wo: WorkOrder, @Ctx() ctx: SubgraphContext) {
    if (!wo.reworkOfId) return null;
    return loader(ctx, 'WorkOrder', (ids) => this.workOrders.byIds(ctx.actor, ids)).load(
      wo.reworkOfId,
    );
  }

  @Authorized(...WORKERS)
  @Mutation(() => ChecklistItem)
  addChecklistItem(@Args() args: AddChecklistItemArgs, @Ctx() ctx: SubgraphContext) {
    return this.details.addChecklistItem(ctx.actor, args);
  }

  @Authorized(...WORKERS)
  @Mutation(() => ChecklistItem)
  setChecklistItemDone(@Args() args: SetChecklistItemDoneArgs, @Ctx() ctx: SubgraphContext) {
    return this.details.setChecklistItemDone(ctx.actor, args.id, args.done, args.idempotencyKey);
  }

  @Authorized(...WORKERS)
  @Mutation(() => WorkOrder, { description: 'Removes a checklist item; returns its work order' })
  removeChecklistItem(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.details.removeChecklistItem(ctx.actor, id);
  }

  @Authorized(...WORKERS)
  @Mutation(() => WorkOrderNote, { description: 'Notes can be added to closed work orders too' })
  addWorkOrderNote(@Args() args: AddWorkOrderNoteArgs, @Ctx() ctx: SubgraphContext) {
    return this.details.addNote(ctx.actor, args);
  }

  @Authorized(...WORKERS)
  @Mutation(() => Attachment, {
    description: 'Uploads a file; sending the same clientId again returns the stored one',
  })
  addWorkOrderAttachment(
    @Arg('input') input: AddWorkOrderAttachmentInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.files.add(ctx.actor, input);
  }

  @Authorized(...WORKERS)
  @Mutation(() => WorkOrder, { description: 'Removes an attachment; returns its work order' })
  removeWorkOrderAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.files.remove(ctx.actor, id);
  }

  @Authorized(...WORKERS)
  @Mutation(() => PartLine)
  addWorkOrderPart(@Arg('input') input: AddWorkOrderPartInput, @Ctx() ctx: SubgraphContext) {
    return this.details.addPart(ctx.actor, input);
  }

  @Authorized(...WORKERS)
  @Mutation(() => WorkOrder, { description: 'Removes a part line; returns its work order' })
  removeWorkOrderPart(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.details.removePart(ctx.actor, id);
  }

  @Authorized(...WORKERS)
  @Mutation(() => TimeEntry, { description: 'Records time worked afterwards' })
  logTime(@Arg('input') input: LogTimeInput, @Ctx() ctx: SubgraphContext) {
    return this.time.log(ctx.actor, input);
  }

  @Authorized(...WORKERS)
  @Mutation(() => TimeEntry, {
    description: 'Starts your timer on a job; a timer already running is returned as it is',
  })
  startTimer(@Args() args: TimerArgs, @Ctx() ctx: SubgraphContext) {
    return this.time.start(ctx.actor, args.workOrderId, args);
  }

  @Authorized(...WORKERS)
  @Mutation(() => TimeEntry, { description: 'Stops your running timer on a job' })
  stopTimer(@Args() args: TimerArgs, @Ctx() ctx: SubgraphContext) {
    return this.time.stop(ctx.actor, args.workOrderId, args);
  }

  @Authorized(...RATERS)
  @Mutation(() => WorkOrder, {
    description: "Records the customer's rating (1–5) of a completed work order",
  })
  rateWorkOrder(@Args() args: RateWorkOrderArgs, @Ctx() ctx: SubgraphContext) {
    return this.details.rate(ctx.actor, args);
  }
}
