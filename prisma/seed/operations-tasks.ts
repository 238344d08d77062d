/*
 * The staff to-do lists of the demo: the front office's at the hotel, the dispatcher's at
 * Northwind. Mixed priorities; some overdue (not escalated yet), some done, most assigned to a
 * demo login, linked to the guests, stays and jobs they are about.
 */
import type { OrgSeed, WorkOrderRow } from './index';
import { staffTask, type OpsContext } from './operations';
import { addMinutes, minDate } from './random';

type Reservation = OrgSeed['reservations'][number];

/** The coming arrivals the hotel's tasks are about. */
export interface Arrivals {
  upcoming: Reservation[];
  late: Reservation | undefined;
  transfer: Reservation | undefined;
}

export interface FieldTaskRefs {
  admin: string;
  dispatcher: string;
  expiredTech: string;
  expiringTech: string;
  /** The dispatcher's forced double booking, if one was staged. */
  forced: { workOrder: WorkOrderRow; other: WorkOrderRow; technician: { name: string } } | null;
  rework: WorkOrderRow | undefined;
  worstVendor: string;
  customerName: (guestId: string) => string;
}

export function fieldTasks(ctx: OpsContext, org: OrgSeed, refs: FieldTaskRefs) {
  const { clock, now } = ctx;
  const { admin, dispatcher, customerName } = refs;
  const held = (reason: string) =>
    org.workOrders.find((w) => w.status === 'ON_HOLD' && w.statusReason?.startsWith(reason)) ??
    org.workOrders.find((w) => w.status === 'ON_HOLD')!;
  const quote = held('Waiting for the customer to approve');
  const parts = held('Waiting for parts');
  const emergency = org.workOrders
    .filter((w) => w.status === 'NEW' && w.priority === 'EMERGENCY')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  const company = org.companies[0]!;
  const ago = (days: number, minute = 540) => clock.at(-days, minute);
  const drafts: Parameters<typeof staffTask>[1][] = [
    {
      title: `Call back ${customerName(quote.guestId!)} about the quote for WO-${quote.number}`,
      description: 'Quote sent; the job is on hold until the customer approves it.',
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: ago(1, 960),
      assigneeId: dispatcher,
      guestId: quote.guestId,
      workOrderId: quote.id,
      createdAt: ago(3),
    },
    {
      title: `Order replacement part for WO-${parts.number}`,
      description: parts.statusReason,
      priority: 'NORMAL',
      status: 'IN_PROGRESS',
      dueAt: clock.at(1, 720),
      assigneeId: dispatcher,
      workOrderId: parts.id,
      createdAt: ago(2),
    },
    {
      title: `Renew EPA certificate of ${refs.expiredTech}`,
      description: 'EPA 608 card expired; no refrigerant work until it is renewed.',
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: ago(5, 1020),
      assigneeId: admin,
      createdAt: ago(40),
    },
    {
      title: `Book the Gas Safe renewal of ${refs.expiringTech}`,
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: clock.at(7, 1020),
      assigneeId: admin,
      createdAt: ago(6),
    },
    {
      title: `Review the vendor scorecard of ${refs.worstVendor}`,
      description: 'Late jobs and a rework this quarter: check the quality factors.',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: clock.at(4, 1020),
      assigneeId: admin,
      createdAt: ago(1),
    },
    {
      title: `Send a payment reminder to ${company.name}`,
      priority: 'LOW',
      status: 'DONE',
      dueAt: ago(2, 1020),
      assigneeId: admin,
      createdAt: ago(6),
      completedAt: ago(2, 660),
    },
    {
      title: 'Restock van #14 with filters and capacitors',
      priority: 'LOW',
      status: 'DONE',
      dueAt: ago(1, 1020),
      createdAt: ago(4),
      completedAt: ago(1, 480),
    },
    {
      title: 'Confirm Saturday coverage with the Tuesday-to-Saturday crew',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: ago(0, 600),
      createdAt: ago(2),
    },
  ];
  if (emergency)
    drafts.push({
      title: `Find a technician for emergency WO-${emergency.number}`,
      description: emergency.title,
      priority: 'EMERGENCY',
      status: 'OPEN',
      dueAt: minDate(addMinutes(emergency.createdAt, 30), now),
      assigneeId: dispatcher,
      workOrderId: emergency.id,
      guestId: emergency.guestId,
      createdAt: emergency.createdAt,
    });
  if (refs.forced)
    drafts.push({
      title: `Resolve the double booking of ${refs.forced.technician.name} (WO-${refs.forced.workOrder.number})`,
      description: `Overlaps WO-${refs.forced.other.number}; move one of them or send someone else.`,
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: clock.at(0, 1020),
      assigneeId: dispatcher,
      workOrderId: refs.forced.workOrder.id,
      createdAt: refs.forced.workOrder.updatedAt,
    });
  if (refs.rework)
    drafts.push({
      title: `Follow up on rework WO-${refs.rework.number}`,
      description: 'The same problem came back after a vendor job; decide who goes.',
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: addMinutes(refs.rework.createdAt, 240),
      assigneeId: dispatcher,
      workOrderId: refs.rework.id,
      guestId: refs.rework.guestId,
      createdAt: refs.rework.createdAt,
    });
  return drafts.map((d) => staffTask(ctx, { createdById: dispatcher, ...d }));
}

export function hotelTasks(ctx: OpsContext, org: OrgSeed, arrivals: Arrivals) {
  const { clock, now, users } = ctx;
  const manager = users['manager@aurora.demo']!;
  const admin = users['admin@aurora.demo']!;
  const guestOf = new Map(org.guests.map((g) => [g.id, g]));
  const nameOf = (guestId: string) => {
    const g = guestOf.get(guestId)!;
    return `${g.firstName} ${g.lastName}`;
  };
  const roomOf = (roomId: string | null | undefined) =>
    org.rooms.find((r) => r.id === roomId)?.number ?? '?';
  const ago = (days: number, minute = 540) => clock.at(-days, minute);
  const minibar =
    org.workOrders.find((w) => w.status === 'COMPLETED' && w.priceMinor) ??
    org.workOrders.find((w) => w.status === 'COMPLETED')!;
  const held = org.workOrders.find((w) => w.status === 'ON_HOLD')!;
  const vip = arrivals.upcoming.find(
    (r) => guestOf.get(r.guestId)!.vip && r.status === 'CONFIRMED',
  );
  const noShow = org.reservations
    .filter((r) => r.status === 'NO_SHOW')
    .sort((a, b) => b.arrivalAt.getTime() - a.arrivalAt.getTime())[0];
  const complaint = org.alerts.find((a) => a.severity === 'CRITICAL');
  const company = org.companies[0]!;
  const drafts: Parameters<typeof staffTask>[1][] = [
    {
      title: `Check the minibar invoice dispute in room ${roomOf(minibar.roomId)}`,
      description: 'Guest disputes two items on the minibar charge.',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: ago(1, 1020),
      assigneeId: manager,
      workOrderId: minibar.id,
      guestId: minibar.guestId,
      createdAt: ago(2),
    },
    {
      title: `Chase the supplier for WO-${held.number} (room ${roomOf(held.roomId)})`,
      description: held.statusReason,
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: ago(1, 720),
      assigneeId: admin,
      workOrderId: held.id,
      createdAt: ago(3),
    },
    {
      title: 'Reply to the review about breakfast',
      priority: 'LOW',
      status: 'OPEN',
      dueAt: clock.at(3, 1020),
      createdAt: ago(1),
    },
    {
      title: 'Update the lost and found log',
      priority: 'LOW',
      status: 'DONE',
      dueAt: ago(1, 1020),
      createdAt: ago(3),
      completedAt: ago(1, 900),
    },
    {
      title: 'Renew the lift inspection certificate',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: clock.at(10, 720),
      assigneeId: admin,
      createdAt: ago(5),
    },
    {
      title: `Prepare the rooming list for the ${company.name} group`,
      priority: 'HIGH',
      status: 'IN_PROGRESS',
      dueAt: clock.at(1, 720),
      assigneeId: manager,
      createdAt: ago(2),
    },
    {
      title: "Brief housekeeping on today's VIP arrivals",
      priority: 'HIGH',
      status: 'DONE',
      dueAt: clock.at(0, 480),
      assigneeId: manager,
      createdAt: ago(1, 1000),
      completedAt: minDate(clock.at(0, 470), now),
    },
    {
      title: 'Confirm the restaurant table for two at 20:00',
      priority: 'NORMAL',
      status: 'DONE',
      dueAt: ago(1, 1080),
      createdAt: ago(1, 600),
      completedAt: ago(1, 700),
    },
  ];
  if (arrivals.late)
    drafts.push({
      title: `Call ${nameOf(arrivals.late.guestId)} about the late arrival`,
      description: 'ETA after 21:00: confirm the booking is guaranteed and explain night check-in.',
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: addMinutes(arrivals.late.arrivalAt, -6 * 60),
      assigneeId: manager,
      guestId: arrivals.late.guestId,
      reservationId: arrivals.late.id,
      createdAt: ago(1),
    });
  if (arrivals.transfer)
    drafts.push({
      title: `Confirm the airport transfer for ${nameOf(arrivals.transfer.guestId)}`,
      description: 'Send flight number and pickup time to the driver.',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: addMinutes(arrivals.transfer.arrivalAt, -24 * 60),
      guestId: arrivals.transfer.guestId,
      reservationId: arrivals.transfer.id,
      createdAt: ago(2),
    });
  if (vip)
    drafts.push({
      title: `Arrange flowers for VIP ${nameOf(vip.guestId)}`,
      priority: 'HIGH',
      status: 'OPEN',
      dueAt: addMinutes(vip.arrivalAt, -4 * 60),
      assigneeId: manager,
      guestId: vip.guestId,
      reservationId: vip.id,
      createdAt: ago(1),
    });
  if (noShow)
    drafts.push({
      title: `Follow up on the no-show ${noShow.confirmationCode}`,
      description: 'Charge the no-show fee or waive it; note the decision on the profile.',
      priority: 'NORMAL',
      status: 'OPEN',
      dueAt: minDate(addMinutes(noShow.arrivalAt, 2 * 1440), addMinutes(now, -120)),
      guestId: noShow.guestId,
      reservationId: noShow.id,
      createdAt: addMinutes(noShow.arrivalAt, 1200),
    });
  if (complaint)
    drafts.push({
      title: complaint.title.replace(
        'Guest complaint: no hot water in',
        'Call back the guest in room',
      ),
      description: 'Guest reported no hot water; check with maintenance and offer a gesture.',
      priority: 'EMERGENCY',
      status: 'OPEN',
      dueAt: addMinutes(new Date(complaint.createdAt!), 30),
      assigneeId: manager,
      createdAt: new Date(complaint.createdAt!),
    });
  return drafts.map((d) => staffTask(ctx, { createdById: manager, ...d }));
}
