import { startSweep, type Logger, type StopBackground } from '@attendant/kit';
import type { InvoiceService } from './invoice.service';

/** How often unpaid invoices are checked against their due dates (`FINANCE_OVERDUE_SWEEP_SECONDS`). */
export function overdueSweepMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env['FINANCE_OVERDUE_SWEEP_SECONDS'] ?? 60);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 86_400)
    throw new Error('Invalid configuration: FINANCE_OVERDUE_SWEEP_SECONDS must be 0.1 to 86400');
  return seconds * 1000;
}

/**
 * The overdue check of one process: on start and then periodically, every unpaid invoice past its
 * due date gets `PaymentOverdue` once for that due date (several processes share the claim).
 */
export function startOverdueSweep(invoices: InvoiceService, logger: Logger): StopBackground {
  // A full batch means more may be overdue: the sweep keeps going until one comes back short.
  return startSweep(
    'overdue sweep',
    logger,
    [() => invoices.sweepOverdue()],
    overdueSweepMs(),
    true,
  );
}
