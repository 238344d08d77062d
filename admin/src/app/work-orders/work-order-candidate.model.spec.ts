import {
  assignPlan,
  candidateName,
  factorPoints,
  isVersionConflict,
  refusalOf,
  type Candidate,
} from './work-order-candidate.model';

let seq = 0;
function technician(overrides: Partial<Candidate> = {}): Candidate {
  seq++;
  return {
    kind: 'TECHNICIAN',
    rank: seq,
    score: 80,
    eligible: true,
    ineligibleReasons: [],
    explanation: 'Good fit',
    distanceKm: 3.2,
    nextAvailableAt: '2026-05-12T09:00:00.000Z',
    cost: { amountMinor: 4500, currency: 'EUR' },
    technician: { id: `t${seq}`, name: `Tech ${seq}` },
    vendor: null,
    factors: [],
    ...overrides,
  };
}

function vendor(overrides: Partial<Candidate> = {}): Candidate {
  return technician({
    kind: 'VENDOR',
    technician: null,
    vendor: { id: 'v1', name: 'FixIt Ltd' },
    ...overrides,
  });
}

describe('assignPlan', () => {
  it('should schedule a technician at the next free time when eligible', () => {
    const c = technician({ technician: { id: 't9', name: 'Ana' } });
    expect(assignPlan(c, 'NEW')).toEqual({
      kind: 'schedule',
      technicianId: 't9',
      start: '2026-05-12T09:00:00.000Z',
      summary: 'Schedule Ana',
    });
  });

  it('should give the job to a vendor when the candidate is a vendor', () => {
    expect(assignPlan(vendor(), 'SCHEDULED')).toEqual({
      kind: 'vendor',
      vendorId: 'v1',
      summary: 'Give the job to FixIt Ltd',
    });
  });

  it('should refuse ineligible candidates with their reasons', () => {
    const c = technician({ eligible: false, ineligibleReasons: ['Lacks Gas safety'] });
    expect(assignPlan(c, 'NEW')).toEqual({ kind: 'none', reason: 'Lacks Gas safety' });
  });

  it('should refuse a technician without free time and a job already under way', () => {
    expect(assignPlan(technician({ nextAvailableAt: null }), 'NEW').kind).toBe('none');
    expect(assignPlan(technician(), 'IN_PROGRESS')).toEqual({
      kind: 'none',
      reason: 'Only new or scheduled jobs can be reassigned',
    });
  });
});

describe('candidateName', () => {
  it('should name the technician or the vendor', () => {
    expect(candidateName(technician({ technician: { id: 'a', name: 'Ana' } }))).toBe('Ana');
    expect(candidateName(vendor())).toBe('FixIt Ltd');
  });
});

describe('refusalOf', () => {
  const refusal = {
    errors: [
      {
        message: 'Cannot schedule WO-3: Ana already has WO-2',
        extensions: {
          code: 'CONFLICT',
          reason: 'SCHEDULE_CONFLICT',
          conflicts: [{ kind: 'DOUBLE_BOOKED', message: 'Ana already has WO-2', blocking: true }],
          warnings: [
            { kind: 'OUTSIDE_TIME_WINDOW', message: 'Outside the window', blocking: false },
          ],
        },
      },
    ],
  };

  it('should list the conflicts and warnings when the server refused a schedule', () => {
    expect(refusalOf(refusal)).toEqual({
      message: 'Cannot schedule WO-3: Ana already has WO-2',
      conflicts: [{ kind: 'DOUBLE_BOOKED', message: 'Ana already has WO-2' }],
      warnings: [{ kind: 'OUTSIDE_TIME_WINDOW', message: 'Outside the window' }],
    });
  });

  it('should find no refusal in other errors', () => {
    expect(refusalOf(new Error('network'))).toBeNull();
    expect(
      refusalOf({
        errors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT' } }],
      }),
    ).toBeNull();
  });
});

describe('isVersionConflict', () => {
  it('should tell a stale version from other conflicts', () => {
    const stale = {
      errors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT' } }],
    };
    const closed = {
      errors: [{ message: 'x', extensions: { code: 'CONFLICT', reason: 'WORK_ORDER_CLOSED' } }],
    };
    expect(isVersionConflict(stale)).toBe(true);
    expect(isVersionConflict(closed)).toBe(false);
    expect(isVersionConflict(null)).toBe(false);
  });
});

describe('factorPoints', () => {
  it('should give the points a factor adds to the 0–100 score', () => {
    expect(factorPoints({ score: 0.9, weight: 0.3 })).toBe(27);
  });
});
