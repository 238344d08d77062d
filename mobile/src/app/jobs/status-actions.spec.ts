import type { WorkOrderStatus } from '../generated/graphql';
import { STATUS_LABEL, statusActions, TECHNICIAN_FLOW } from './status-actions';

// The server's TRANSITIONS table (subgraphs/operations/src/work-order/work-order.transitions.ts),
// as allowedTransitions reports it for each status.
const ALLOWED: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  NEW: ['SCHEDULED', 'ON_HOLD', 'CANCELLED'],
  SCHEDULED: ['DISPATCHED', 'NEW', 'ON_HOLD', 'CANCELLED'],
  DISPATCHED: ['EN_ROUTE', 'SCHEDULED', 'ON_HOLD', 'CANCELLED'],
  EN_ROUTE: ['ARRIVED', 'DISPATCHED', 'ON_HOLD', 'CANCELLED'],
  ARRIVED: ['IN_PROGRESS', 'ON_HOLD', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'ON_HOLD'],
  ON_HOLD: ['NEW', 'SCHEDULED', 'IN_PROGRESS', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

const shown = (status: WorkOrderStatus) =>
  statusActions(status, ALLOWED[status]).map((a) => a.status);

describe('statusActions', () => {
  it('should walk a visit from dispatched to completed, one next step at a time', () => {
    expect(shown('DISPATCHED')).toEqual(['EN_ROUTE', 'ON_HOLD']);
    expect(shown('EN_ROUTE')).toEqual(['ARRIVED', 'ON_HOLD']);
    expect(shown('ARRIVED')).toEqual(['IN_PROGRESS', 'ON_HOLD']);
    expect(shown('IN_PROGRESS')).toEqual(['COMPLETED', 'ON_HOLD']);
  });

  it('should never offer what only dispatch may set', () => {
    for (const status of Object.keys(ALLOWED) as WorkOrderStatus[]) {
      for (const action of statusActions(status, ALLOWED[status])) {
        expect(TECHNICIAN_FLOW).toContain(action.status);
        expect(['NEW', 'SCHEDULED', 'DISPATCHED', 'CANCELLED']).not.toContain(action.status);
      }
    }
  });

  it('should offer nothing on closed jobs and only hold before dispatch', () => {
    expect(shown('COMPLETED')).toEqual([]);
    expect(shown('CANCELLED')).toEqual([]);
    expect(shown('NEW')).toEqual(['ON_HOLD']);
    expect(shown('SCHEDULED')).toEqual(['ON_HOLD']);
  });

  it('should ask a reason for on hold only, and label resuming a held job', () => {
    const onHold = statusActions('ON_HOLD', ALLOWED.ON_HOLD);
    expect(onHold).toEqual([
      expect.objectContaining({ status: 'IN_PROGRESS', label: 'Resume work', needsReason: false }),
    ]);
    const arrived = statusActions('ARRIVED', ALLOWED.ARRIVED);
    expect(arrived.find((a) => a.status === 'ON_HOLD')).toMatchObject({
      needsReason: true,
      primary: false,
    });
    expect(arrived.find((a) => a.status === 'IN_PROGRESS')).toMatchObject({
      label: 'Start work',
      needsReason: false,
      primary: true,
    });
  });

  it('should keep visit order whatever order the server lists statuses in', () => {
    expect(
      statusActions('DISPATCHED', ['ON_HOLD', 'COMPLETED', 'ARRIVED', 'EN_ROUTE']).map(
        (a) => a.status,
      ),
    ).toEqual(['EN_ROUTE', 'ARRIVED', 'COMPLETED', 'ON_HOLD']);
  });

  it('should not offer the current status again', () => {
    expect(statusActions('ON_HOLD', ['ON_HOLD', 'IN_PROGRESS']).map((a) => a.status)).toEqual([
      'IN_PROGRESS',
    ]);
  });

  it('should have a label for every status', () => {
    expect(Object.keys(STATUS_LABEL).sort()).toEqual(Object.keys(ALLOWED).sort());
  });
});
