import type { InvoiceLine as InvoiceLineRow } from '@attendant/db';
import { InvoiceError, InvoiceErrorCode } from './invoice.errors';
import type { InvoiceLine } from './invoice.type';

/** Amounts are stored as 32-bit integers (minor units). */
export const MAX_AMOUNT_MINOR = 2_147_483_647;

export interface LineInput {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  taxRateBps: number;
}

export interface PricedLine extends LineInput {
  position: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface PricedInvoice {
  lines: PricedLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Net = quantity × unit price; tax = net × rate, rounded half up to the minor unit, per line. */
export function priceLine(line: LineInput, position: number): PricedLine {
  const netMinor = line.quantity * line.unitPriceMinor;
  const taxMinor = Math.round((netMinor * line.taxRateBps) / 10_000);
  return {
    ...line,
    description: line.description.trim(),
    position,
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
  };
}

export function priceInvoice(lines: readonly LineInput[]): PricedInvoice {
  const priced = lines.map((line, i) => priceLine(line, i + 1));
  const sum = (pick: (l: PricedLine) => number) => priced.reduce((acc, l) => acc + pick(l), 0);
  const invoice = {
    lines: priced,
    subtotalMinor: sum((l) => l.netMinor),
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
  };
  if (invoice.totalMinor > MAX_AMOUNT_MINOR) {
    throw new InvoiceError(
      InvoiceErrorCode.AmountTooLarge,
      'The invoice total is too large; split it into several invoices',
      {
        field: 'lines',
      },
    );
  }
  return invoice;
}

/** A stored line as clients see it, with amounts in the invoice currency. */
export function toInvoiceLine(row: InvoiceLineRow, currency: string): InvoiceLine {
  const m = (amountMinor: number) => ({ amountMinor, currency });
  return {
    description: row.description,
    quantity: row.quantity,
    taxRateBps: row.taxRateBps,
    unitPrice: m(row.unitPriceMinor),
    net: m(row.netMinor),
    tax: m(row.taxMinor),
    total: m(row.totalMinor),
  };
}
