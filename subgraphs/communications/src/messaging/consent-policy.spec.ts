import { consentDecision, type ConsentEntry } from './consent-policy';

const label = { address: '+15550001111', channel: 'SMS' };
const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const entry = (e: Partial<ConsentEntry> & Pick<ConsentEntry, 'status'>): ConsentEntry => ({
  purpose: null,
  recordedAt: at(1),
  ...e,
});

describe('consentDecision', () => {
  it('should allow transactional messages when the ledger is empty', () => {
    expect(consentDecision([], 'TRANSACTIONAL', label)).toEqual({ allowed: true });
  });

  it('should refuse with the keyword when the newest record is a STOP', () => {
    const d = consentDecision(
      [entry({ status: 'OPTED_OUT', keyword: 'STOP', recordedAt: at(2) })],
      'TRANSACTIONAL',
      label,
    );
    expect(d).toEqual({
      allowed: false,
      reason: '+15550001111 opted out of SMS (replied STOP) on 2026-01-02T00:00:00.000Z',
    });
  });

  it('should allow again when a START follows the STOP', () => {
    const history = [
      entry({ status: 'OPTED_IN', keyword: 'START', recordedAt: at(3) }),
      entry({ status: 'OPTED_OUT', keyword: 'STOP', recordedAt: at(2) }),
    ];
    expect(consentDecision(history, 'TRANSACTIONAL', label).allowed).toBe(true);
  });

  it('should refuse marketing without an explicit marketing opt-in', () => {
    const d = consentDecision([entry({ status: 'OPTED_IN' })], 'MARKETING', label);
    expect(d).toEqual({
      allowed: false,
      reason: '+15550001111 has not opted in to marketing SMS',
    });
  });

  it('should allow marketing after a marketing opt-in but not after a later STOP', () => {
    const optIn = entry({ status: 'OPTED_IN', purpose: 'MARKETING', recordedAt: at(1) });
    expect(consentDecision([optIn], 'MARKETING', label).allowed).toBe(true);
    const stop = entry({ status: 'OPTED_OUT', keyword: 'STOP', recordedAt: at(2) });
    expect(consentDecision([stop, optIn], 'MARKETING', label).allowed).toBe(false);
  });

  it('should keep transactional messages when only marketing was opted out of', () => {
    const history = [entry({ status: 'OPTED_OUT', purpose: 'MARKETING', recordedAt: at(2) })];
    expect(consentDecision(history, 'TRANSACTIONAL', label).allowed).toBe(true);
    expect(consentDecision(history, 'MARKETING', label)).toMatchObject({ allowed: false });
  });
});
