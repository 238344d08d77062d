import { z } from 'zod';
import { FREE_MAIL_DOMAINS, LANGUAGE_BY_COUNTRY } from './guest-rules.tables';

/*
 * Guest intelligence rules: pure functions, no database. A guest profile is scored for
 * completeness (weighted fields), checked against the organization's validation rules, enriched
 * (language from nationality, company from email domain, returning-guest flag) and classified as
 * VIP. Enrichment runs first, so the score, the errors and the VIP decision describe the profile
 * as it will be stored.
 */

export const PROFILE_FIELDS = [
  'email',
  'phone',
  'nationality',
  'birthDate',
  'address',
  'language',
  'company',
  'preferences',
  'title',
  'firstName',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const GUEST_KINDS = ['HOTEL_GUEST', 'CUSTOMER'] as const;
export type RuleGuestKind = (typeof GUEST_KINDS)[number];

/** The default phone check, the same one staff input is held to. */
export const DEFAULT_PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const RETURNING_CLASSIFICATION = 'Returning';

const DEFAULT_LABELS: Record<ProfileField, string> = {
  email: 'Email',
  phone: 'Phone',
  nationality: 'Nationality',
  birthDate: 'Birth date',
  address: 'Address',
  language: 'Language',
  company: 'Company',
  preferences: 'Preferences',
  title: 'Title',
  firstName: 'First name',
};

const KIND_NAMES: Record<RuleGuestKind, string> = {
  HOTEL_GUEST: 'hotel guests',
  CUSTOMER: 'customers',
};

const wholeNumber = (what: string, min: number, max?: number) => {
  const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
  const message = `${what} must be a whole number ${range}`;
  const n = z.number({ invalid_type_error: message }).int(message).min(min, message);
  return max === undefined ? n : n.max(max, message);
};

const profileField = z.enum(PROFILE_FIELDS, {
  errorMap: () => ({ message: `Field must be one of ${PROFILE_FIELDS.join(', ')}` }),
});

const completenessRule = z.object({
  field: profileField,
  weight: wholeNumber('Weight', 0, 100),
  label: z
    .string()
    .trim()
    .min(1, 'Label cannot be blank')
    .max(60, 'Label must be at most 60 characters'),
});

const validationRules = z.object({
  emailFormat: z.boolean(),
  phoneFormat: z.boolean(),
  phonePattern: z
    .string()
    .max(200, 'Phone pattern must be at most 200 characters')
    .refine(isValidRegex, 'Phone pattern is not a valid regular expression')
    .optional(),
  required: z
    .array(
      z.object({
        guestKind: z.enum(GUEST_KINDS, {
          errorMap: () => ({ message: 'Guest kind must be HOTEL_GUEST or CUSTOMER' }),
        }),
        fields: z.array(profileField),
      }),
    )
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, i) => {
        if (seen.has(rule.guestKind))
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'guestKind'],
            message: `Required fields for ${rule.guestKind} are listed more than once`,
          });
        seen.add(rule.guestKind);
      });
    }),
});

const enrichmentRules = z.object({
  languageFromNationality: z.boolean(),
  companyFromEmailDomain: z.boolean(),
  flagRepeatGuest: z.object({
    enabled: z.boolean(),
    minStays: wholeNumber('Minimum stays', 1, 1000),
  }),
});

const vipRules = z.object({
  classifications: z.array(
    z
      .string()
      .trim()
      .min(1, 'Classification cannot be blank')
      .max(60, 'Classification must be at most 60 characters'),
  ),
  minStays: wholeNumber('Minimum stays', 1, 100_000).nullable(),
  minSpendMinor: wholeNumber('Minimum spend', 0).nullable(),
  honourManualFlag: z.boolean(),
});

export const guestRuleSetSchema = z.object({
  completeness: z
    .array(completenessRule)
    .min(1, 'List at least one completeness field')
    .superRefine((rules, ctx) => {
      const seen = new Set<string>();
      rules.forEach((rule, i) => {
        if (seen.has(rule.field))
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i, 'field'],
            message: `Completeness lists ${rule.field} more than once`,
          });
        seen.add(rule.field);
      });
      const total = rules.reduce((sum, r) => sum + (Number.isFinite(r.weight) ? r.weight : 0), 0);
      if (rules.length > 0 && total <= 0)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'Completeness weights must add up to more than 0',
        });
    }),
  validation: validationRules,
  enrichment: enrichmentRules,
  vip: vipRules,
});

export type GuestRuleSet = z.infer<typeof guestRuleSetSchema>;
export type CompletenessRule = GuestRuleSet['completeness'][number];

export const DEFAULT_GUEST_RULES: GuestRuleSet = {
  completeness: (
    [
      ['email', 20],
      ['phone', 15],
      ['nationality', 10],
      ['address', 10],
      ['preferences', 10],
      ['language', 10],
      ['firstName', 10],
      ['birthDate', 5],
      ['company', 5],
      ['title', 5],
    ] as const
  ).map(([field, weight]) => ({ field, weight, label: DEFAULT_LABELS[field] })),
  validation: {
    emailFormat: true,
    phoneFormat: true,
    required: [
      { guestKind: 'HOTEL_GUEST', fields: ['email'] },
      { guestKind: 'CUSTOMER', fields: ['phone'] },
    ],
  },
  enrichment: {
    languageFromNationality: true,
    companyFromEmailDomain: true,
    flagRepeatGuest: { enabled: true, minStays: 2 },
  },
  vip: {
    classifications: ['Vip', 'VeryImportant'],
    minStays: null,
    minSpendMinor: null,
    honourManualFlag: true,
  },
};

export type RuleSetCheck =
  { ok: true; rules: GuestRuleSet } | { ok: false; issues: { field: string; message: string }[] };

/**
 * Validates rule settings. Each issue names the setting it is about, with completeness rows
 * named by their field (`completeness.phone.weight`) rather than their position.
 */
export function checkGuestRuleSet(input: unknown): RuleSetCheck {
  const parsed = guestRuleSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const rows = (input as { completeness?: { field?: unknown }[] } | null)?.completeness;
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.map((part, i) => {
      if (i === 1 && issue.path[0] === 'completeness' && typeof part === 'number') {
        const field = rows?.[part]?.field;
        return typeof field === 'string' && field ? field : String(part);
      }
      return String(part);
    });
    return { field: path.join('.') || 'settings', message: issue.message };
  });
  return { ok: false, issues };
}

/** What the rules read of a guest: the stored columns, before enrichment. */
export interface GuestProfile {
  kind: RuleGuestKind;
  firstName: string;
  email: string | null;
  phone: string | null;
  nationality: string | null;
  birthDate: Date | null;
  addressLine1: string | null;
  city: string | null;
  countryCode: string | null;
  language: string | null;
  companyId: string | null;
  preferences: string[];
  title: string | null;
  classifications: string[];
  stayCount: number;
  totalSpendMinor: number;
  vipManual: boolean;
}

export interface EvaluationContext {
  /** The organization's company using this (lower-case) email domain, if exactly one does. */
  companyByEmailDomain(domain: string): string | null;
}

export type EnrichedField = 'language' | 'companyId' | 'classifications';
export type EnrichmentRuleName =
  'languageFromNationality' | 'companyFromEmailDomain' | 'flagRepeatGuest';

export interface Enrichment {
  field: EnrichedField;
  from: string | string[] | null;
  to: string | string[];
  rule: EnrichmentRuleName;
}

export interface GuestEvaluation {
  completeness: number;
  gaps: string[];
  validationErrors: string[];
  vip: boolean;
  vipReason: string | null;
  enrichment: Enrichment[];
  /** The profile with the enrichment applied. */
  profile: GuestProfile;
}

export function evaluateGuest(
  profile: GuestProfile,
  rules: GuestRuleSet,
  ctx: EvaluationContext,
): GuestEvaluation {
  const enrichment = enrich(profile, rules, ctx);
  const enriched = applyEnrichment(profile, enrichment);
  const { completeness, gaps } = score(enriched, rules);
  const vipReasons = vipReasonsOf(enriched, rules);
  return {
    completeness,
    gaps,
    validationErrors: validate(enriched, rules),
    vip: vipReasons.length > 0,
    vipReason: vipReasons.length ? vipReasons.join('; ') : null,
    enrichment,
    profile: enriched,
  };
}

const filled = (value: string | null | undefined): boolean => !!value?.trim();

export function hasField(profile: GuestProfile, field: ProfileField): boolean {
  switch (field) {
    case 'email':
      return filled(profile.email);
    case 'phone':
      return filled(profile.phone);
    case 'nationality':
      return filled(profile.nationality);
    case 'birthDate':
      return profile.birthDate !== null;
    case 'address':
      return filled(profile.addressLine1) && filled(profile.city) && filled(profile.countryCode);
    case 'language':
      return filled(profile.language);
    case 'company':
      return profile.companyId !== null;
    case 'preferences':
      return profile.preferences.some(filled);
    case 'title':
      return filled(profile.title);
    case 'firstName':
      return filled(profile.firstName);
  }
}

/** Weighted share of present fields (0–100) and the missing ones, heaviest first. */
export function score(
  profile: GuestProfile,
  rules: Pick<GuestRuleSet, 'completeness'>,
): { completeness: number; gaps: string[] } {
  const total = rules.completeness.reduce((sum, r) => sum + r.weight, 0);
  if (total <= 0) return { completeness: 100, gaps: [] };
  const present = rules.completeness
    .filter((r) => hasField(profile, r.field))
    .reduce((sum, r) => sum + r.weight, 0);
  const gaps = rules.completeness
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => rule.weight > 0 && !hasField(profile, rule.field))
    .sort((a, b) => b.rule.weight - a.rule.weight || a.order - b.order)
    .map(({ rule }) => `missing ${rule.label.toLowerCase()}`);
  return { completeness: Math.round((present * 100) / total), gaps };
}

export function validate(profile: GuestProfile, rules: GuestRuleSet): string[] {
  const errors: string[] = [];
  const { validation } = rules;
  const email = profile.email?.trim();
  if (validation.emailFormat && email && !EMAIL.test(email))
    errors.push(`Email "${email}" is not a valid address`);
  const phone = profile.phone?.trim();
  if (validation.phoneFormat && phone && !phonePattern(validation.phonePattern).test(phone))
    errors.push(`Phone "${phone}" is not a valid phone number`);
  const required = validation.required.find((r) => r.guestKind === profile.kind)?.fields ?? [];
  for (const field of required) {
    if (!hasField(profile, field))
      errors.push(`${labelOf(field, rules)} is required for ${KIND_NAMES[profile.kind]}`);
  }
  return errors;
}

function phonePattern(source: string | undefined): RegExp {
  if (!source) return DEFAULT_PHONE_PATTERN;
  // Settings are validated on save; a pattern that no longer compiles falls back to the default.
  return isValidRegex(source) ? new RegExp(source) : DEFAULT_PHONE_PATTERN;
}

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function labelOf(field: ProfileField, rules: GuestRuleSet): string {
  return rules.completeness.find((r) => r.field === field)?.label ?? DEFAULT_LABELS[field];
}

/** Why the guest is a VIP: every rule that matched, staff's flag included. */
export function vipReasonsOf(profile: GuestProfile, rules: GuestRuleSet): string[] {
  const reasons: string[] = [];
  const wanted = new Set(rules.vip.classifications.map((c) => c.toLowerCase()));
  const matched = profile.classifications.filter((c) => wanted.has(c.toLowerCase()));
  if (matched.length) reasons.push(`Mews classification ${matched.join(', ')}`);
  if (rules.vip.minStays !== null && profile.stayCount >= rules.vip.minStays)
    reasons.push(`${profile.stayCount} ${profile.stayCount === 1 ? 'stay' : 'stays'}`);
  if (rules.vip.minSpendMinor !== null && profile.totalSpendMinor >= rules.vip.minSpendMinor)
    reasons.push(`total spend ${(profile.totalSpendMinor / 100).toFixed(2)}`);
  if (rules.vip.honourManualFlag && profile.vipManual) reasons.push('marked VIP by staff');
  return reasons;
}

/** What the enrichment rules would fill in; nothing a guest already has is overwritten. */
export function enrich(
  profile: GuestProfile,
  rules: GuestRuleSet,
  ctx: EvaluationContext,
): Enrichment[] {
  const out: Enrichment[] = [];
  const { enrichment } = rules;
  if (enrichment.languageFromNationality && !filled(profile.language) && profile.nationality) {
    const language = LANGUAGE_BY_COUNTRY[profile.nationality.toUpperCase()];
    if (language)
      out.push({
        field: 'language',
        from: profile.language,
        to: language,
        rule: 'languageFromNationality',
      });
  }
  if (enrichment.companyFromEmailDomain && profile.companyId === null) {
    const domain = companyDomainOf(profile.email);
    const companyId = domain ? ctx.companyByEmailDomain(domain) : null;
    if (companyId)
      out.push({ field: 'companyId', from: null, to: companyId, rule: 'companyFromEmailDomain' });
  }
  const repeat = enrichment.flagRepeatGuest;
  if (
    repeat.enabled &&
    profile.stayCount >= repeat.minStays &&
    !profile.classifications.some((c) => c.toLowerCase() === RETURNING_CLASSIFICATION.toLowerCase())
  ) {
    out.push({
      field: 'classifications',
      from: profile.classifications,
      to: [...profile.classifications, RETURNING_CLASSIFICATION],
      rule: 'flagRepeatGuest',
    });
  }
  return out;
}

function applyEnrichment(profile: GuestProfile, enrichment: Enrichment[]): GuestProfile {
  const next = { ...profile };
  for (const e of enrichment) {
    if (e.field === 'classifications') next.classifications = e.to as string[];
    else next[e.field] = e.to as string;
  }
  return next;
}

/** The lower-case domain of an email address, or null when there is none. */
export function emailDomain(email: string | null | undefined): string | null {
  const address = email?.trim() ?? '';
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).toLowerCase() : '';
  return domain.includes('.') ? domain : null;
}

/** The domain of an address that can point at a company: not a free-mail or example domain. */
export function companyDomainOf(email: string | null | undefined): string | null {
  const domain = emailDomain(email);
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}

/**
 * The rules in force given the stored settings row (if any). Stored settings were validated on
 * save; a row that no longer parses (an older shape) is replaced by the defaults rather than
 * failing every guest write.
 */
export function effectiveRules(
  stored: Record<keyof GuestRuleSet, unknown> | null | undefined,
): GuestRuleSet {
  if (!stored) return DEFAULT_GUEST_RULES;
  const parsed = guestRuleSetSchema.safeParse({
    completeness: stored.completeness,
    validation: stored.validation,
    enrichment: stored.enrichment,
    vip: stored.vip,
  });
  return parsed.success ? parsed.data : DEFAULT_GUEST_RULES;
}
