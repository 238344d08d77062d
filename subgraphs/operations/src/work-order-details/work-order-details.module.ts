import type { Db, Logger } from '@attendant/kit';
import { pruneKeys } from '../shared/idempotency';
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
import { storageFromEnv, type ObjectStorage } from './uploads/object-storage';
import { createUploadServer } from './uploads/upload-server';
import { WorkOrderDetailsResolver } from './work-order-details.resolver';
import { WorkOrderDetailsService } from './work-order-details.service';

/** A work order's checklist, notes, attachments, parts, time entries and rating. */
export const workOrderDetailsModule: ModuleFactory = ({ db }) => {
  const workOrders = new WorkOrderService(db);
  const attachments = new AttachmentService(db, workOrders, objectStorage());
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
    // Idempotency keys are kept 30 days: swept hourly, so the table stays small.
    async background({ logger }) {
      const sweep = () =>
        pruneKeys(db)
          .then((n) => n && logger.info({ keys: n }, 'expired idempotency keys removed'))
          .catch((err: unknown) => logger.error({ err }, 'idempotency key sweep failed'));
      const timer = setInterval(sweep, 3_600_000);
      timer.unref();
      return async () => clearInterval(timer);
    },
  };
};

/** One object storage per process (configured by UPLOAD_DIR or UPLOAD_S3_*). */
let storage: ObjectStorage | null = null;
function objectStorage(): ObjectStorage {
  storage ??= storageFromEnv(process.env);
  return storage;
}

/** The tus server behind the gateway's /uploads. */
export function uploadRoutes(db: Db, secret: string, logger: Logger) {
  return createUploadServer({
    storage: objectStorage(),
    attachments: new AttachmentService(db, new WorkOrderService(db), objectStorage()),
    secret,
    logger,
  });
}
