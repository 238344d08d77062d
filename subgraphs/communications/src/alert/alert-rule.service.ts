import { requireRoles, type Actor, type Db } from '@attendant/kit';
import { ALERT_HANDLERS } from '../shared/actors';
import { AlertError, AlertErrorCode } from './alert.errors';
import { AlertRuleRepository } from './alert-rule.repository';
import { ALERT_KINDS, ruleFor, type RuleSettings } from './alert-rules';
import type { AlertRuleInput } from './alert-rule.type';

/** Who may change alert rules. */
export const ALERT_RULE_EDITORS = ['ADMIN', 'MANAGER'] as const;

/** Alert rules per organization: every kind, stored or default. */
export class AlertRuleService {
  private readonly repo: AlertRuleRepository;

  constructor(db: Db) {
    this.repo = new AlertRuleRepository(db);
  }

  async list(actor: Actor): Promise<RuleSettings[]> {
    const t = requireRoles(actor, ALERT_HANDLERS);
    const stored = await this.repo.list(t);
    return ALERT_KINDS.map((kind) =>
      ruleFor(
        kind,
        stored.find((r) => r.kind === kind),
      ),
    );
  }

  /** Saves the organization's rule for a kind (creating it on first change). */
  async save(actor: Actor, input: AlertRuleInput): Promise<RuleSettings> {
    const t = requireRoles(actor, ALERT_RULE_EDITORS);
    const chain = input.escalationUserIds;
    if (new Set(chain).size !== chain.length)
      throw new AlertError(AlertErrorCode.InvalidRule, 'A person can be in the chain only once', {
        field: 'escalationUserIds',
      });
    if (input.enabled && input.recipientRoles.length === 0 && input.recipientUserIds.length === 0)
      throw new AlertError(
        AlertErrorCode.InvalidRule,
        'Route the alert to at least one role or person',
        { field: 'recipientRoles' },
      );
    const named = [...new Set([...input.recipientUserIds, ...chain])];
    const known = new Set((await this.repo.staffByIds(t, named)).map((s) => s.userId));
    if (named.some((id) => !known.has(id)))
      throw new AlertError(
        AlertErrorCode.InvalidRule,
        'Route alerts only to staff of this organization who have signed in at least once',
        { field: 'recipientUserIds' },
      );
    const defaults = ruleFor(input.kind, null);
    return this.repo.upsert(t, {
      kind: input.kind,
      enabled: input.enabled,
      severity: input.severity,
      recipientRoles: [...new Set(input.recipientRoles)],
      recipientUserIds: [...new Set(input.recipientUserIds)],
      ackTimeoutMinutes: input.ackTimeoutMinutes,
      escalationUserIds: chain,
      escalateToManagers: input.escalateToManagers,
      leadHours: input.leadHours ?? defaults.leadHours,
      threshold: input.threshold ?? defaults.threshold,
    });
  }

  staff(actor: Actor) {
    return this.repo.staff(requireRoles(actor, ALERT_HANDLERS));
  }
}
