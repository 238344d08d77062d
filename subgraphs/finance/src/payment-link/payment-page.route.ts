import type { Logger } from '@attendant/kit';
import type express from 'express';
import type { InvoiceService } from '../invoice/invoice.service';
import { verifyPaymentToken } from './payment-link';

/**
 * `POST /internal/payment-link` `{ token }` — what the gateway's public `/pay/:token` page shows:
 * the invoice's number, amounts, due date and status. Answers 404 for any token that is not a
 * valid, unexpired link of an existing invoice (the page does not tell which).
 */
export function paymentPageRoute(
  router: express.Router,
  invoices: InvoiceService,
  secret: string,
  logger: Logger,
): void {
  router.post('/payment-link', async (req, res) => {
    const token: unknown = (req.body as { token?: unknown } | undefined)?.token;
    const claims =
      typeof token === 'string' && token.length <= 400
        ? verifyPaymentToken(token, secret, new Date())
        : null;
    try {
      const invoice = claims ? await invoices.forPaymentLink(claims) : null;
      if (!claims || !invoice || invoice.status === 'DRAFT' || invoice.status === 'VOID') {
        res.status(404).json({ code: 'NOT_FOUND', message: 'This payment link is not valid' });
        return;
      }
      res.json({
        number: invoice.number,
        status: invoice.status,
        currency: invoice.currency,
        totalMinor: invoice.totalMinor,
        paidMinor: invoice.paidMinor,
        balanceMinor: invoice.totalMinor - invoice.paidMinor,
        dueAt: invoice.dueAt?.toISOString() ?? null,
        expiresAt: claims.expiresAt.toISOString(),
      });
    } catch (err) {
      logger.warn({ err }, 'payment link lookup failed');
      res.status(503).json({ code: 'UNAVAILABLE', message: 'Try again later' });
    }
  });
}
