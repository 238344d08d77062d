import type { EventConsumer, Logger } from '@attendant/kit';
import type { WorkOrderFactService } from './work-order-fact.service';

export const WORK_ORDER_FACTS = 'work-order-facts';

/** Keeps analytics' WorkOrderFact projection in step with operations' work order events. */
export function workOrderFactProjector(facts: WorkOrderFactService, logger: Logger): EventConsumer {
  return {
    name: WORK_ORDER_FACTS,
    events: ['WorkOrderCreated', 'WorkOrderUpdated', 'WorkOrderStatusChanged'],
    handle: (event, tx) => facts.apply(tx, event, logger),
  };
}
