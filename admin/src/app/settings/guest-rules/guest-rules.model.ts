import type {
  GuestKind,
  GuestProfileField,
  GuestRuleSettingsFieldsFragment,
  GuestRuleSettingsInput,
} from '../../generated/graphql';
import { fromMinor, toMinor } from '../../shared/format';

/** Who may change the rules; managers and analysts read them. */
export const RULE_WRITERS = ['ADMIN'] as const;

/** Every profile field, in the order the page lists them (types come from the generated schema). */
export const PROFILE_FIELDS: readonly GuestProfileField[] = [
  'EMAIL',
  'PHONE',
  'NATIONALITY',
  'ADDRESS',
  'PREFERENCES',
  'LANGUAGE',
  'FIRST_NAME',
  'BIRTH_DATE',
  'COMPANY',
  'TITLE',
];

export const GUEST_KINDS: readonly GuestKind[] = ['HOTEL_GUEST', 'CUSTOMER'];

export const FIELD_NAMES: Record<GuestProfileField, string> = {
  EMAIL: 'Email',
  PHONE: 'Phone',
  NATIONALITY: 'Nationality',
  ADDRESS: 'Address',
  PREFERENCES: 'Preferences',
  LANGUAGE: 'Language',
  FIRST_NAME: 'First name',
  BIRTH_DATE: 'Birth date',
  COMPANY: 'Company',
  TITLE: 'Title',
};

export const KIND_NAMES: Record<GuestKind, string> = {
  HOTEL_GUEST: 'Hotel guests',
  CUSTOMER: 'Customers',
};

/** The server names completeness rows by their field in camelCase (`completeness.birthDate.weight`). */
const SERVER_NAME: Record<GuestProfileField, string> = {
  EMAIL: 'email',
  PHONE: 'phone',
  NATIONALITY: 'nationality',
  ADDRESS: 'address',
  PREFERENCES: 'preferences',
  LANGUAGE: 'language',
  FIRST_NAME: 'firstName',
  BIRTH_DATE: 'birthDate',
  COMPANY: 'company',
  TITLE: 'title',
};

/** What the form holds: every field listed, required fields by kind, spend as a decimal. */
export interface GuestRulesValue {
  completeness: { field: GuestProfileField; weight: number | null; label: string }[];
  validation: {
    emailFormat: boolean;
    phoneFormat: boolean;
    phonePattern: string;
    required: Record<GuestKind, GuestProfileField[]>;
  };
  enrichment: {
    languageFromNationality: boolean;
    companyFromEmailDomain: boolean;
    flagRepeatGuest: { enabled: boolean; minStays: number | null };
  };
  vip: {
    classifications: string[];
    minStays: number | null;
    minSpend: string;
    honourManualFlag: boolean;
  };
}

type RulesLike = Omit<GuestRuleSettingsFieldsFragment, 'isDefault' | 'updatedAt'>;

/** Settings → form value. A field the rules leave out is listed with weight 0 (not scored). */
export function formValueOf(s: RulesLike, currency: string): GuestRulesValue {
  const required = (kind: GuestKind) => [
    ...(s.validation.required.find((r) => r.guestKind === kind)?.fields ?? []),
  ];
  return {
    completeness: PROFILE_FIELDS.map((field) => {
      const rule = s.completeness.find((r) => r.field === field);
      return { field, weight: rule?.weight ?? 0, label: rule?.label ?? FIELD_NAMES[field] };
    }),
    validation: {
      emailFormat: s.validation.emailFormat,
      phoneFormat: s.validation.phoneFormat,
      phonePattern: s.validation.phonePattern ?? '',
      required: { HOTEL_GUEST: required('HOTEL_GUEST'), CUSTOMER: required('CUSTOMER') },
    },
    enrichment: {
      languageFromNationality: s.enrichment.languageFromNationality,
      companyFromEmailDomain: s.enrichment.companyFromEmailDomain,
      flagRepeatGuest: { ...s.enrichment.flagRepeatGuest },
    },
    vip: {
      classifications: [...s.vip.classifications],
      minStays: s.vip.minStays,
      minSpend: fromMinor(s.vip.minSpendMinor, currency),
      honourManualFlag: s.vip.honourManualFlag,
    },
  };
}

/** Form value → the complete rule set the server replaces the stored one with. */
export function inputOf(v: GuestRulesValue, currency: string): GuestRuleSettingsInput {
  const pattern = v.validation.phonePattern.trim();
  return {
    completeness: v.completeness.map((r) => ({
      field: r.field,
      weight: r.weight ?? 0,
      label: r.label.trim(),
    })),
    validation: {
      emailFormat: v.validation.emailFormat,
      phoneFormat: v.validation.phoneFormat,
      phonePattern: pattern || null,
      required: GUEST_KINDS.map((guestKind) => ({
        guestKind,
        fields: v.validation.required[guestKind],
      })),
    },
    enrichment: {
      languageFromNationality: v.enrichment.languageFromNationality,
      companyFromEmailDomain: v.enrichment.companyFromEmailDomain,
      flagRepeatGuest: {
        enabled: v.enrichment.flagRepeatGuest.enabled,
        minStays: v.enrichment.flagRepeatGuest.minStays ?? 1,
      },
    },
    vip: {
      classifications: v.vip.classifications.map((c) => c.trim()).filter(Boolean),
      minStays: v.vip.minStays,
      minSpendMinor: toMinor(v.vip.minSpend, currency),
      honourManualFlag: v.vip.honourManualFlag,
    },
  };
}

export const totalWeight = (rows: readonly { weight: number | null }[]) =>
  rows.reduce((sum, r) => sum + (Number.isFinite(r.weight) ? (r.weight as number) : 0), 0);

/**
 * The form control a server issue is about (`completeness.phone.weight` → `completeness.1.weight`),
 * or null when it names no single control; such issues are shown above the form.
 */
export function controlPathOf(serverField: string): string | null {
  const parts = serverField.replace(/^input\./, '').split('.');
  const [section, second, third] = parts;
  switch (section) {
    case 'completeness': {
      if (second === undefined) return 'completeness';
      // A row whose field was missing is named by its position, which is the page's order.
      const index = /^\d+$/.test(second)
        ? Number(second)
        : PROFILE_FIELDS.findIndex((f) => SERVER_NAME[f] === second);
      if (index < 0 || index >= PROFILE_FIELDS.length) return 'completeness';
      return `completeness.${index}.${third === 'label' ? 'label' : 'weight'}`;
    }
    case 'validation':
      if (second === 'required') {
        const kind = GUEST_KINDS[Number(third)];
        return kind ? `validation.required.${kind}` : 'validation.required';
      }
      return second ? `validation.${second}` : null;
    case 'enrichment':
      return parts.length > 1 ? parts.join('.') : null;
    case 'vip':
      if (second === 'minSpendMinor') return 'vip.minSpend';
      return second ? `vip.${second}` : null;
    default:
      return null;
  }
}
