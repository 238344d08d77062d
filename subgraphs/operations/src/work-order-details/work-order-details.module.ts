import type { ModuleFactory } from '../shared/module';
import { WorkOrderService } from '../work-order/work-order.service';
import { AttachmentService } from './attachment.service';
import {
  AttachmentResolver,
  ChecklistItemResolver,
  PartLineResolver,
  TimeEntryResolver,
  WorkOrderNoteResolver,
} from './detail-item.resolver';
import { TimeEntryService } from './time-entry.service';
import { WorkOrderDetailsResolver } from './work-order-details.resolver';
import { WorkOrderDetailsService } from './work-order-details.service';

/** A work order's checklist, notes, attachments, parts, time entries and rating. */
export const workOrderDetailsModule: ModuleFactory = ({ db }) => {
  const workOrders = new WorkOrderService(db);
  const attachments = new AttachmentService(db, workOrders);
  return {
    resolvers: [
      new WorkOrderDetailsResolver(
        new WorkOrderDetailsService(db, workOrders),
        attachments,
        new TimeEntryService(db, workOrders),
        workOrders,
      ),
      new ChecklistItemResolver(workOrders),
      new WorkOrderNoteResolver(workOrders),
      new PartLineResolver(workOrders),
      new TimeEntryResolver(workOrders),
      new AttachmentResolver(workOrders, attachments),
    ],
  };
};
