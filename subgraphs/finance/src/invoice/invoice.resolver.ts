import { loader, money, Money, toConnection, type SubgraphContext } from '@attendant/kit';
import { ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Payment } from '../payment/payment.type';
import type { PaymentService } from '../payment/payment.service';
import { FINANCE_READERS, FINANCE_WRITERS } from '../shared/actors';
import { Guest, ref, WorkOrder } from '../shared/references';
import type { InvoiceService } from './invoice.service';
import { toInvoiceLine } from './invoice.totals';
import {
  CreateInvoiceDraftInput,
  Invoice,
  IssueInvoiceInput,
  InvoiceConnection,
  InvoiceFilter,
  InvoiceLine,
} from './invoice.type';

@ArgsType()
class InvoicesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => InvoiceFilter, { nullable: true }) @ValidateNested() filter?: InvoiceFilter;
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  constructor(
    private readonly service: InvoiceService,
    private readonly paymentService: PaymentService,
  ) {}

  @Authorized(...FINANCE_READERS)
  @Query(() => InvoiceConnection, { description: 'Invoices, newest first' })
  async invoices(@Args() args: InvoicesArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.service.list(ctx.actor, args));
  }

  @Authorized(...FINANCE_READERS)
  @Query(() => Invoice)
  invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.service.get(ctx.actor, id);
  }

  @Authorized(...FINANCE_WRITERS)
  @Mutation(() => Invoice, { description: 'Drafts an invoice; totals are computed from the lines' })
  createInvoiceDraft(@Arg('input') input: CreateInvoiceDraftInput, @Ctx() ctx: SubgraphContext) {
    return this.service.createDraft(ctx.actor, input);
  }

  @Authorized(...FINANCE_WRITERS)
  @Mutation(() => Invoice, {
    description:
      'Issues a draft invoice and sends it to the customer (with a payment link); issuing it again changes nothing',
  })
  issueInvoice(@Arg('input') input: IssueInvoiceInput, @Ctx() ctx: SubgraphContext) {
    return this.service.issue(ctx.actor, input);
  }

  @FieldResolver(() => Money, { description: 'Sum of the line nets' })
  subtotal(@Root() invoice: Invoice) {
    return money(invoice.subtotalMinor, invoice.currency);
  }

  @FieldResolver(() => Money)
  tax(@Root() invoice: Invoice) {
    return money(invoice.taxMinor, invoice.currency);
  }

  @FieldResolver(() => Money)
  total(@Root() invoice: Invoice) {
    return money(invoice.totalMinor, invoice.currency);
  }

  @FieldResolver(() => Money)
  paid(@Root() invoice: Invoice) {
    return money(invoice.paidMinor, invoice.currency);
  }

  @FieldResolver(() => Money, { description: 'What is still owed: total − paid' })
  balance(@Root() invoice: Invoice) {
    return money(invoice.totalMinor - invoice.paidMinor, invoice.currency);
  }

  @FieldResolver(() => [InvoiceLine])
  async lines(@Root() invoice: Invoice, @Ctx() ctx: SubgraphContext) {
    const l = loader(ctx, 'InvoiceLines', (ids) => this.service.linesOf(ctx.actor, ids));
    return ((await l.load(invoice.id))?.rows ?? []).map((row) =>
      toInvoiceLine(row, invoice.currency),
    );
  }

  @FieldResolver(() => [Payment])
  async payments(@Root() invoice: Invoice, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'InvoicePayments', (ids) =>
          this.paymentService.forInvoices(ctx.actor, ids),
        ).load(invoice.id)
      )?.rows ?? []
    );
  }

  @FieldResolver(() => Guest, {
    nullable: true,
    description: 'Who the invoice is for (from guests)',
  })
  guest(@Root() invoice: Invoice) {
    return ref('Guest', invoice.guestId);
  }

  @FieldResolver(() => WorkOrder, {
    nullable: true,
    description: 'The job billed (from operations)',
  })
  workOrder(@Root() invoice: Invoice) {
    return ref('WorkOrder', invoice.workOrderId);
  }
}

@Resolver(() => Guest)
export class GuestInvoicesResolver {
  constructor(private readonly service: InvoiceService) {}

  @Authorized(...FINANCE_READERS)
  @FieldResolver(() => [Invoice], {
    nullable: true,
    description: 'The newest invoices of this guest (at most 50)',
  })
  async invoices(@Root() guest: Guest, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'InvoicesByGuest', (ids) => this.service.forGuests(ctx.actor, ids)).load(
          guest.id,
        )
      )?.rows ?? []
    );
  }
}

@Resolver(() => WorkOrder)
export class WorkOrderInvoiceResolver {
  constructor(private readonly service: InvoiceService) {}

  @Authorized(...FINANCE_READERS)
  @FieldResolver(() => Invoice, {
    nullable: true,
    description: 'The newest invoice drafted for this work order',
  })
  async invoice(@Root() workOrder: WorkOrder, @Ctx() ctx: SubgraphContext) {
    return (
      (
        await loader(ctx, 'InvoiceByWorkOrder', (ids) =>
          this.service.forWorkOrders(ctx.actor, ids),
        ).load(workOrder.id)
      )?.invoice ?? null
    );
  }
}
