import {
  checkGuestRuleSet,
  DEFAULT_GUEST_RULES,
  effectiveRules,
  evaluateGuest,
  type EvaluationContext,
  type GuestProfile,
  type GuestRuleSet,
} from './guest-rules';

const profile = (overrides: Partial<GuestProfile> = {}): GuestProfile => ({
  kind: 'HOTEL_GUEST',
  firstName: 'Ada',
  email: null,
  phone: null,
  nationality: null,
  birthDate: null,
  addressLine1: null,
  city: null,
  countryCode: null,
  language: null,
  companyId: null,
  preferences: [],
  title: null,
  classifications: [],
  stayCount: 0,
  totalSpendMinor: 0,
  vipManual: false,
  ...overrides,
});

const complete = (): GuestProfile =>
  profile({
    email: 'ada@engines.example',
    phone: '+44 20 7946 0000',
    nationality: 'GB',
    birthDate: new Date('1985-12-10'),
    addressLine1: '12 St James Square',
    city: 'London',
    countryCode: 'GB',
    language: 'en',
    companyId: 'company-1',
    preferences: ['Quiet room'],
    title: 'Lady',
  });

const rules = (overrides: Partial<GuestRuleSet> = {}): GuestRuleSet => ({
  ...DEFAULT_GUEST_RULES,
  ...overrides,
});

const noCompanies: EvaluationContext = { companyByEmailDomain: () => null };
const companies = (byDomain: Record<string, string>): EvaluationContext => ({
  companyByEmailDomain: (domain) => byDomain[domain] ?? null,
});

describe('guest rules', () => {
  describe('completeness', () => {
    it('should score 100 with no gaps when every weighted field is present', () => {
      const result = evaluateGuest(complete(), DEFAULT_GUEST_RULES, noCompanies);
      expect(result.completeness).toBe(100);
      expect(result.gaps).toEqual([]);
    });

    it('should score the share of present weights, rounded, when fields are missing', () => {
      const weights = rules({
        completeness: [
          { field: 'email', weight: 1, label: 'Email' },
          { field: 'phone', weight: 2, label: 'Phone' },
        ],
      });
      const result = evaluateGuest(profile({ email: 'a@b.example' }), weights, noCompanies);
      expect(result.completeness).toBe(33);
    });

    it('should list gaps heaviest first, in rule order on ties, when fields are missing', () => {
      const result = evaluateGuest(profile(), DEFAULT_GUEST_RULES, noCompanies);
      // firstName is present; the rest are missing.
      expect(result.completeness).toBe(10);
      expect(result.gaps).toEqual([
        'missing email',
        'missing phone',
        'missing nationality',
        'missing address',
        'missing preferences',
        'missing language',
        'missing birth date',
        'missing company',
        'missing title',
      ]);
    });

    it('should count the address only when line 1, city and country are all present', () => {
      const partial = profile({ addressLine1: '1 Main St', city: 'Prague' });
      expect(evaluateGuest(partial, DEFAULT_GUEST_RULES, noCompanies).gaps).toContain(
        'missing address',
      );
      const full = profile({ addressLine1: '1 Main St', city: 'Prague', countryCode: 'CZ' });
      expect(evaluateGuest(full, DEFAULT_GUEST_RULES, noCompanies).gaps).not.toContain(
        'missing address',
      );
    });

    it('should not report a gap when the missing field weighs 0', () => {
      const weights = rules({
        completeness: [
          { field: 'firstName', weight: 10, label: 'First name' },
          { field: 'title', weight: 0, label: 'Title' },
        ],
      });
      const result = evaluateGuest(profile(), weights, noCompanies);
      expect(result).toMatchObject({ completeness: 100, gaps: [] });
    });

    it('should treat blank text and blank preferences as missing when scoring', () => {
      const result = evaluateGuest(
        profile({ email: '  ', preferences: [' '] }),
        DEFAULT_GUEST_RULES,
        noCompanies,
      );
      expect(result.gaps).toEqual(expect.arrayContaining(['missing email', 'missing preferences']));
    });
  });

  describe('validation', () => {
    it('should name the bad email and phone when their format is wrong', () => {
      const result = evaluateGuest(
        profile({ email: 'ada@nowhere', phone: 'call me' }),
        DEFAULT_GUEST_RULES,
        noCompanies,
      );
      expect(result.validationErrors).toEqual([
        'Email "ada@nowhere" is not a valid address',
        'Phone "call me" is not a valid phone number',
      ]);
    });

    it('should use the configured phone pattern when one is set', () => {
      const czech = rules({
        validation: {
          ...DEFAULT_GUEST_RULES.validation,
          phonePattern: '^\\+420 ?\\d{3} ?\\d{3} ?\\d{3}$',
        },
      });
      const ok = evaluateGuest(profile({ phone: '+420 777 123 456', email: 'a@b.cz' }), czech, {
        companyByEmailDomain: () => null,
      });
      expect(ok.validationErrors).toEqual([]);
      const bad = evaluateGuest(profile({ phone: '+44 20 7946 0000', email: 'a@b.cz' }), czech, {
        companyByEmailDomain: () => null,
      });
      expect(bad.validationErrors).toEqual([
        'Phone "+44 20 7946 0000" is not a valid phone number',
      ]);
    });

    it('should skip format checks when they are switched off', () => {
      const lax = rules({
        validation: { emailFormat: false, phoneFormat: false, required: [] },
      });
      const result = evaluateGuest(profile({ email: 'x', phone: 'y' }), lax, noCompanies);
      expect(result.validationErrors).toEqual([]);
    });

    it('should report required fields by label for the guest kind when they are missing', () => {
      const strict = rules({
        validation: {
          emailFormat: true,
          phoneFormat: true,
          required: [
            { guestKind: 'HOTEL_GUEST', fields: ['phone', 'address'] },
            { guestKind: 'CUSTOMER', fields: ['email'] },
          ],
        },
      });
      expect(evaluateGuest(profile(), strict, noCompanies).validationErrors).toEqual([
        'Phone is required for hotel guests',
        'Address is required for hotel guests',
      ]);
      expect(
        evaluateGuest(profile({ kind: 'CUSTOMER' }), strict, noCompanies).validationErrors,
      ).toEqual(['Email is required for customers']);
    });
  });

  describe('enrichment', () => {
    it('should fill the language from the nationality when the language is empty', () => {
      const result = evaluateGuest(
        profile({ nationality: 'cz' }),
        DEFAULT_GUEST_RULES,
        noCompanies,
      );
      expect(result.enrichment).toEqual([
        { field: 'language', from: null, to: 'cs', rule: 'languageFromNationality' },
      ]);
      expect(result.profile.language).toBe('cs');
      expect(result.gaps).not.toContain('missing language');
    });

    it('should keep the language when the guest already has one', () => {
      const result = evaluateGuest(
        profile({ nationality: 'CZ', language: 'en' }),
        DEFAULT_GUEST_RULES,
        noCompanies,
      );
      expect(result.enrichment).toEqual([]);
    });

    it('should link the company of the email domain when the guest has no company', () => {
      const result = evaluateGuest(
        profile({ email: 'jan@Acme.example' }),
        DEFAULT_GUEST_RULES,
        companies({ 'acme.example': 'acme-id' }),
      );
      expect(result.enrichment).toEqual([
        { field: 'companyId', from: null, to: 'acme-id', rule: 'companyFromEmailDomain' },
      ]);
    });

    it('should not link a company when the email is at a free-mail domain', () => {
      for (const email of ['jan@gmail.com', 'jan@seznam.cz', 'jan@example.com']) {
        const lookup = jest.fn(() => 'company-id');
        const result = evaluateGuest(profile({ email }), DEFAULT_GUEST_RULES, {
          companyByEmailDomain: lookup,
        });
        expect(result.enrichment).toEqual([]);
        expect(lookup).not.toHaveBeenCalled();
      }
    });

    it('should not replace a company the guest already has', () => {
      const result = evaluateGuest(
        profile({ email: 'jan@acme.example', companyId: 'other' }),
        DEFAULT_GUEST_RULES,
        companies({ 'acme.example': 'acme-id' }),
      );
      expect(result.enrichment).toEqual([]);
    });

    it('should classify a guest as Returning once the stays reach the threshold', () => {
      expect(
        evaluateGuest(profile({ stayCount: 1 }), DEFAULT_GUEST_RULES, noCompanies).enrichment,
      ).toEqual([]);
      const result = evaluateGuest(
        profile({ stayCount: 2, classifications: ['Vip'] }),
        DEFAULT_GUEST_RULES,
        noCompanies,
      );
      expect(result.enrichment).toEqual([
        {
          field: 'classifications',
          from: ['Vip'],
          to: ['Vip', 'Returning'],
          rule: 'flagRepeatGuest',
        },
      ]);
      const again = evaluateGuest(result.profile, DEFAULT_GUEST_RULES, noCompanies);
      expect(again.enrichment).toEqual([]);
    });

    it('should enrich nothing when every enrichment rule is off', () => {
      const off = rules({
        enrichment: {
          languageFromNationality: false,
          companyFromEmailDomain: false,
          flagRepeatGuest: { enabled: false, minStays: 1 },
        },
      });
      const result = evaluateGuest(
        profile({ nationality: 'DE', email: 'a@acme.example', stayCount: 9 }),
        off,
        companies({ 'acme.example': 'acme-id' }),
      );
      expect(result.enrichment).toEqual([]);
    });
  });

  describe('VIP', () => {
    const vipRules = rules({
      vip: {
        classifications: ['Vip', 'VeryImportant'],
        minStays: 5,
        minSpendMinor: 500_000,
        honourManualFlag: true,
      },
    });

    it('should not be VIP when no rule matches', () => {
      const result = evaluateGuest(profile({ stayCount: 4 }), vipRules, noCompanies);
      expect(result).toMatchObject({ vip: false, vipReason: null });
    });

    it('should give every matching reason when several rules match', () => {
      const result = evaluateGuest(
        profile({ classifications: ['vip'], stayCount: 7, totalSpendMinor: 612_345 }),
        vipRules,
        noCompanies,
      );
      expect(result.vip).toBe(true);
      expect(result.vipReason).toBe('Mews classification vip; 7 stays; total spend 6123.45');
    });

    it('should honour the staff flag only when the rules say so', () => {
      const manual = profile({ vipManual: true });
      expect(evaluateGuest(manual, vipRules, noCompanies)).toMatchObject({
        vip: true,
        vipReason: 'marked VIP by staff',
      });
      const ignored = rules({ vip: { ...vipRules.vip, honourManualFlag: false } });
      expect(evaluateGuest(manual, ignored, noCompanies)).toMatchObject({
        vip: false,
        vipReason: null,
      });
    });
  });

  describe('settings schema', () => {
    const withCompleteness = (completeness: unknown) => ({
      ...DEFAULT_GUEST_RULES,
      completeness,
    });

    it('should accept the default rules', () => {
      expect(checkGuestRuleSet(DEFAULT_GUEST_RULES)).toEqual({
        ok: true,
        rules: DEFAULT_GUEST_RULES,
      });
    });

    it('should name the field whose weight is out of range when a weight is invalid', () => {
      const check = checkGuestRuleSet(
        withCompleteness([
          { field: 'email', weight: 20, label: 'Email' },
          { field: 'phone', weight: 150, label: 'Phone' },
        ]),
      );
      expect(check).toEqual({
        ok: false,
        issues: [
          {
            field: 'completeness.phone.weight',
            message: 'Weight must be a whole number between 0 and 100',
          },
        ],
      });
    });

    it('should refuse weights that add up to 0', () => {
      const check = checkGuestRuleSet(
        withCompleteness([{ field: 'email', weight: 0, label: 'Email' }]),
      );
      expect(check).toEqual({
        ok: false,
        issues: [
          { field: 'completeness', message: 'Completeness weights must add up to more than 0' },
        ],
      });
    });

    it('should refuse a field listed twice', () => {
      const check = checkGuestRuleSet(
        withCompleteness([
          { field: 'email', weight: 10, label: 'Email' },
          { field: 'email', weight: 5, label: 'Mail' },
        ]),
      );
      expect(check).toMatchObject({
        ok: false,
        issues: [
          { field: 'completeness.email.field', message: 'Completeness lists email more than once' },
        ],
      });
    });

    it('should refuse an unknown field and a phone pattern that is not a regular expression', () => {
      const check = checkGuestRuleSet({
        ...withCompleteness([{ field: 'shoeSize', weight: 10, label: 'Shoes' }]),
        validation: { ...DEFAULT_GUEST_RULES.validation, phonePattern: '([0-9' },
      });
      expect(check.ok).toBe(false);
      expect(!check.ok && check.issues).toEqual([
        {
          field: 'completeness.shoeSize.field',
          message: expect.stringMatching(/^Field must be one of email, phone/),
        },
        {
          field: 'validation.phonePattern',
          message: 'Phone pattern is not a valid regular expression',
        },
      ]);
    });

    it('should fall back to the defaults when stored settings no longer parse', () => {
      expect(effectiveRules(null)).toBe(DEFAULT_GUEST_RULES);
      expect(effectiveRules({ completeness: 'bad', validation: {}, enrichment: {}, vip: {} })).toBe(
        DEFAULT_GUEST_RULES,
      );
      const custom = { ...DEFAULT_GUEST_RULES, vip: { ...DEFAULT_GUEST_RULES.vip, minStays: 3 } };
      expect(effectiveRules(custom)).toEqual(custom);
    });
  });
});
