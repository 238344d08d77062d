import { loader, type SubgraphContext } from '@attendant/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { WorkOrderService } from '../work-order/work-order.service';
import { WorkOrder } from '../work-order/work-order.type';
import type { AttachmentService } from './attachment.service';
import {
  Attachment,
  ChecklistItem,
  PartLine,
  TimeEntry,
  WorkOrderNote,
} from './work-order-details.type';

/*
 * Every detail links back to its work order, so a mutation's answer can carry the work order's
 * new version (each detail change bumps it) without a second request.
 */
const workOrderOf = (
  workOrders: WorkOrderService,
  ctx: SubgraphContext,
  item: { workOrderId: string },
) => loader(ctx, 'WorkOrder', (ids) => workOrders.byIds(ctx.actor, ids)).load(item.workOrderId);

@Resolver(() => ChecklistItem)
export class ChecklistItemResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() item: ChecklistItem, @Ctx() ctx: SubgraphContext) {
    return workOrderOf(this.workOrders, ctx, item);
  }
}

@Resolver(() => WorkOrderNote)
export class WorkOrderNoteResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() item: WorkOrderNote, @Ctx() ctx: SubgraphContext) {
    return workOrderOf(this.workOrders, ctx, item);
  }
}

@Resolver(() => PartLine)
export class PartLineResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() item: PartLine, @Ctx() ctx: SubgraphContext) {
    return workOrderOf(this.workOrders, ctx, item);
  }
}

@Resolver(() => TimeEntry)
export class TimeEntryResolver {
  constructor(private readonly workOrders: WorkOrderService) {}

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() item: TimeEntry, @Ctx() ctx: SubgraphContext) {
    return workOrderOf(this.workOrders, ctx, item);
  }
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  constructor(
    private readonly workOrders: WorkOrderService,
    private readonly attachments: AttachmentService,
  ) {}

  @FieldResolver(() => WorkOrder)
  workOrder(@Root() item: Attachment, @Ctx() ctx: SubgraphContext) {
    return workOrderOf(this.workOrders, ctx, item);
  }

  @FieldResolver(() => String)
  async dataUrl(@Root() item: Attachment, @Ctx() ctx: SubgraphContext) {
    const l = loader(ctx, 'AttachmentDataUrl', (ids) => this.attachments.dataUrls(ctx.actor, ids));
    return (await l.load(item.id))?.url ?? '';
  }
}
