import {
  createTestDatabase,
  callSubgraph,
  staffActor,
  startTestSubgraph,
  type TestDatabase,
} from '@attendant/testing';
import type { Actor, RunningSubgraph } from '@attendant/kit';
import { randomUUID } from 'node:crypto';
import { guestsSubgraph } from '../index';
import { GuestIntelligence, REFRESH_BATCH } from './guest-intelligence.service';

const PROFILE = /* GraphQL */ `
  fragment Profile on Guest {
    id
    language
    vip
    vipManual
    vipReason
    classifications
    preferences
    completeness
    completenessGaps
    validationErrors
    company {
      name
    }
    completenessTrend {
      score
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation ($input: CreateGuestInput!) {
    createGuest(input: $input) {
      ...Profile
    }
  }
  ${PROFILE}
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateGuestInput!) {
    updateGuest(id: $id, input: $input) {
      ...Profile
    }
  }
  ${PROFILE}
`;
const GUEST = /* GraphQL */ `
  query ($id: ID!) {
    guest(id: $id) {
      ...Profile
    }
  }
  ${PROFILE}
`;
const SETTINGS = /* GraphQL */ `
  {
    guestRuleSettings {
      isDefault
      completeness {
        field
        weight
        label
      }
      validation {
        phonePattern
        required {
          guestKind
          fields
        }
      }
      enrichment {
        flagRepeatGuest {
          minStays
        }
      }
      vip {
        classifications
        minStays
      }
    }
  }
`;
const SAVE_SETTINGS = /* GraphQL */ `
  mutation ($input: GuestRuleSettingsInput!) {
    updateGuestRuleSettings(input: $input) {
      isDefault
      recomputedGuests
      completeness {
        field
        weight
      }
    }
  }
`;

/** A valid settings input: email and phone weigh half each; five stays make a VIP. */
const settingsInput = (overrides: Record<string, unknown> = {}) => ({
  completeness: [
    { field: 'EMAIL', weight: 50, label: 'Email' },
    { field: 'PHONE', weight: 50, label: 'Phone' },
  ],
  validation: {
    emailFormat: true,
    phoneFormat: true,
    phonePattern: null,
    required: [{ guestKind: 'HOTEL_GUEST', fields: ['PHONE'] }],
  },
  enrichment: {
    languageFromNationality: true,
    companyFromEmailDomain: true,
    flagRepeatGuest: { enabled: true, minStays: 3 },
  },
  vip: { classifications: ['Vip'], minStays: 5, minSpendMinor: null, honourManualFlag: true },
  ...overrides,
});

describe('guests subgraph: guest intelligence', () => {
  let database: TestDatabase;
  let sub: RunningSubgraph;

  beforeAll(async () => {
    database = await createTestDatabase();
    sub = await startTestSubgraph(guestsSubgraph, database);
  });
  afterAll(async () => {
    await sub.stop();
    await database.drop();
  });

  /** Each test gets its own organization, so rule changes never leak between tests. */
  const organization = () => {
    const id = randomUUID();
    return { id, admin: staffActor(id, ['ADMIN'], randomUUID()) };
  };
  const createGuest = async (actor: Actor, input: Record<string, unknown> = {}) => {
    const res = await callSubgraph(sub.url, actor, CREATE, {
      input: { kind: 'HOTEL_GUEST', firstName: 'Ada', lastName: 'Lovelace', ...input },
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createGuest;
  };
  const audits = (organizationId: string, entityId: string) =>
    sub.db.syncAudit.findMany({
      where: { organizationId, entityId },
      orderBy: { occurredAt: 'asc' },
    });

  it('should score a new guest and start its trend when the guest is created', async () => {
    const { admin } = organization();
    const guest = await createGuest(admin, {
      email: 'ada@gmail.com',
      title: 'Lady',
      preferences: ['Quiet room', ' quiet ROOM ', 'Feather pillow', ''],
    });
    // Default rules: email 20 + first name 10 + title 5 + preferences 10 of 100.
    expect(guest).toMatchObject({
      completeness: 45,
      completenessGaps: [
        'missing phone',
        'missing nationality',
        'missing address',
        'missing language',
        'missing birth date',
        'missing company',
      ],
      validationErrors: [],
      preferences: ['Quiet room', 'Feather pillow'],
      completenessTrend: [{ score: 45 }],
      vip: false,
      vipReason: null,
    });
  });

  it('should recompute completeness, extend the trend and stamp changed fields when a guest is updated', async () => {
    const { id: org, admin } = organization();
    const guest = await createGuest(admin, { email: 'ada@gmail.com' });
    const res = await callSubgraph(sub.url, admin, UPDATE, {
      id: guest.id,
      input: {
        phone: '+44 20 7946 0000',
        addressLine1: '12 St James Square',
        city: 'London',
        countryCode: 'gb',
        vip: true,
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateGuest).toMatchObject({
      completeness: guest.completeness + 25,
      vip: true,
      vipManual: true,
      vipReason: 'marked VIP by staff',
      completenessTrend: [{ score: guest.completeness }, { score: guest.completeness + 25 }],
    });
    const row = await sub.db.guest.findFirstOrThrow({
      where: { id: guest.id, organizationId: org },
    });
    expect(row.countryCode).toBe('GB');
    expect(Object.keys(row.fieldChangedAt as object).sort()).toEqual(
      [
        'addressLine1',
        'city',
        'countryCode',
        'email',
        'firstName',
        'kind',
        'lastName',
        'phone',
        'vipManual',
      ].sort(),
    );

    // A change that moves no score adds no point to the trend.
    const notes = await callSubgraph(sub.url, admin, UPDATE, {
      id: guest.id,
      input: { notes: 'Prefers tea' },
    });
    expect(notes.body.data?.updateGuest.completenessTrend).toHaveLength(2);
    const events = await sub.db.guestsOutboxEvent.findMany({
      where: { organizationId: org, entityId: guest.id, type: 'GuestUpdated' },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        origin: 'PLATFORM',
        changedFields: ['phone', 'addressLine1', 'city', 'countryCode', 'vipManual'],
      }),
      expect.objectContaining({ origin: 'PLATFORM', changedFields: ['notes'] }),
    ]);
  });

  it('should report validation errors in the profile when the rules are broken', async () => {
    const { admin } = organization();
    const guest = await createGuest(admin, { kind: 'CUSTOMER' });
    expect(guest.validationErrors).toEqual(['Phone is required for customers']);
  });

  it('should enrich the guest and write one RULE audit row when a company shares the email domain', async () => {
    const { id: org, admin } = organization();
    const company = await sub.db.company.create({
      data: { organizationId: org, name: 'Acme Hotels', email: 'info@acme-hotels.example' },
    });
    const guest = await createGuest(admin, { email: 'jan@Acme-Hotels.example', nationality: 'cz' });
    expect(guest).toMatchObject({ language: 'cs', company: { name: 'Acme Hotels' } });
    const rows = await audits(org, guest.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entityType: 'Guest',
      side: 'RULE',
      source: 'STAFF',
      action: 'ENRICHED',
      actorId: admin.userId,
      changes: [
        { field: 'language', from: null, to: 'cs' },
        { field: 'companyId', from: null, to: company.id },
      ],
    });
  });

  it('should audit staff edits on the PLATFORM side when the guest is linked to Mews', async () => {
    const { id: org, admin } = organization();
    const guest = await createGuest(admin, { email: 'ada@gmail.com', language: 'en' });
    await sub.db.guest.update({
      where: { id: guest.id, organizationId: org },
      data: { externalId: 'mews-customer-1' },
    });
    const res = await callSubgraph(sub.url, admin, UPDATE, {
      id: guest.id,
      input: { firstName: 'Augusta', phone: '+44 20 7946 0000', language: 'en' },
    });
    expect(res.body.errors).toBeUndefined();
    const rows = await audits(org, guest.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      side: 'PLATFORM',
      source: 'STAFF',
      action: 'UPDATED',
      externalId: 'mews-customer-1',
      changes: [
        { field: 'firstName', from: 'Ada', to: 'Augusta' },
        { field: 'phone', from: null, to: '+44 20 7946 0000' },
      ],
    });
  });

  it('should answer BAD_USER_INPUT naming the field and keep the rules when a weight is invalid', async () => {
    const { admin } = organization();
    const res = await callSubgraph(sub.url, admin, SAVE_SETTINGS, {
      input: settingsInput({
        completeness: [
          { field: 'EMAIL', weight: 50, label: 'Email' },
          { field: 'PHONE', weight: 120, label: 'Phone' },
        ],
      }),
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_GUEST_RULES',
      field: 'completeness.phone.weight',
    });
    expect(res.body.errors?.[0]?.message).toBe(
      'completeness.phone.weight: Weight must be a whole number between 0 and 100',
    );
    const zero = await callSubgraph(sub.url, admin, SAVE_SETTINGS, {
      input: settingsInput({ completeness: [{ field: 'EMAIL', weight: 0, label: 'Email' }] }),
    });
    expect(zero.body.errors?.[0]?.message).toMatch(/weights must add up to more than 0/);
    const current = await callSubgraph(sub.url, admin, SETTINGS);
    expect(current.body.data?.guestRuleSettings.isDefault).toBe(true);
  });

  it('should recompute every guest in batches when the settings change', async () => {
    const { id: org, admin } = organization();
    const withEmail = await createGuest(admin, { email: 'ada@gmail.com' });
    const loyal = await createGuest(admin, { firstName: 'Loyal', phone: '+420 777 123 456' });
    await sub.db.guest.update({
      where: { id: loyal.id, organizationId: org },
      data: { stayCount: 6 },
    });
    // Enough untouched imports to need more than one batch.
    await sub.db.guest.createMany({
      data: Array.from({ length: REFRESH_BATCH + 3 }, (_, i) => ({
        organizationId: org,
        kind: 'HOTEL_GUEST' as const,
        firstName: `Imported${i}`,
        lastName: 'Guest',
      })),
    });
    const res = await callSubgraph(sub.url, admin, SAVE_SETTINGS, { input: settingsInput() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateGuestRuleSettings).toMatchObject({
      isDefault: false,
      recomputedGuests: REFRESH_BATCH + 5,
      completeness: [
        { field: 'EMAIL', weight: 50 },
        { field: 'PHONE', weight: 50 },
      ],
    });
    const after = async (id: string) =>
      (await callSubgraph(sub.url, admin, GUEST, { id })).body.data?.guest;
    expect(await after(withEmail.id)).toMatchObject({
      completeness: 50,
      completenessGaps: ['missing phone'],
      validationErrors: ['Phone is required for hotel guests'],
      completenessTrend: [{ score: withEmail.completeness }, { score: 50 }],
    });
    expect(await after(loyal.id)).toMatchObject({
      completeness: 50,
      vip: true,
      vipReason: '6 stays',
      classifications: ['Returning'],
    });
    const filtered = await callSubgraph(
      sub.url,
      admin,
      `{ guests(first: 100, filter: { minCompleteness: 50, hasGaps: true }) { totalCount } }`,
    );
    expect(filtered.body.data?.guests.totalCount).toBe(2);
    const ruleEvents = await sub.db.guestsOutboxEvent.count({
      where: {
        organizationId: org,
        type: 'GuestUpdated',
        payload: { path: ['origin'], equals: 'RULE' },
      },
    });
    expect(ruleEvents).toBe(REFRESH_BATCH + 5);
    // Saving the same rules again changes nobody.
    const again = await callSubgraph(sub.url, admin, SAVE_SETTINGS, { input: settingsInput() });
    expect(again.body.data?.updateGuestRuleSettings.recomputedGuests).toBe(0);
    // Back to the defaults: everyone is scored by them again.
    const reset = await callSubgraph(
      sub.url,
      admin,
      `mutation { resetGuestRuleSettings { isDefault recomputedGuests completeness { field weight } } }`,
    );
    expect(reset.body.data?.resetGuestRuleSettings).toMatchObject({ isDefault: true });
    expect(reset.body.data?.resetGuestRuleSettings.recomputedGuests).toBeGreaterThan(0);
    expect(reset.body.data?.resetGuestRuleSettings.completeness.length).toBeGreaterThan(2);
    expect((await after(withEmail.id)).completeness).not.toBe(50);
  });

  it('should keep each organization to its own rules and refuse readers without the role', async () => {
    const a = organization();
    const b = organization();
    const saved = await callSubgraph(sub.url, a.admin, SAVE_SETTINGS, { input: settingsInput() });
    expect(saved.body.errors).toBeUndefined();
    const mine = await callSubgraph(sub.url, staffActor(a.id, ['ANALYST']), SETTINGS);
    expect(mine.body.data?.guestRuleSettings).toMatchObject({
      isDefault: false,
      vip: { classifications: ['Vip'], minStays: 5 },
      validation: { required: [{ guestKind: 'HOTEL_GUEST', fields: ['PHONE'] }] },
    });
    const theirs = await callSubgraph(sub.url, b.admin, SETTINGS);
    expect(theirs.body.data?.guestRuleSettings).toMatchObject({
      isDefault: true,
      vip: { classifications: ['Vip', 'VeryImportant'], minStays: null },
    });
    const technician = await callSubgraph(sub.url, staffActor(a.id, ['TECHNICIAN']), SETTINGS);
    expect(technician.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const manager = await callSubgraph(sub.url, staffActor(a.id, ['MANAGER']), SAVE_SETTINGS, {
      input: settingsInput(),
    });
    expect(manager.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should show the spend in the PMS currency when a Mews connection exists', async () => {
    const { id: org, admin } = organization();
    const guest = await createGuest(admin);
    await sub.db.guest.update({
      where: { id: guest.id, organizationId: org },
      data: { totalSpendMinor: 123_450 },
    });
    const q = 'query ($id: ID!) { guest(id: $id) { totalSpend { amountMinor currency } } }';
    expect((await callSubgraph(sub.url, admin, q, { id: guest.id })).body.data?.guest).toEqual({
      totalSpend: null,
    });
    await sub.db.mewsConnection.create({
      data: {
        organizationId: org,
        baseUrl: 'https://api.mews-demo.com',
        clientTokenEnc: 'x',
        accessTokenEnc: 'x',
        accessTokenHint: 'x',
        webhookSecretHash: randomUUID(),
        webhookSecretEnc: 'x',
        currency: 'CZK',
      },
    });
    expect((await callSubgraph(sub.url, admin, q, { id: guest.id })).body.data?.guest).toEqual({
      totalSpend: { amountMinor: 123_450, currency: 'CZK' },
    });
  });

  it('should refresh inside the caller transaction and roll back with it when the caller fails', async () => {
    const { id: org, admin } = organization();
    const guest = await createGuest(admin, { firstName: 'Vera' });
    const intelligence = new GuestIntelligence(sub.db);
    await expect(
      sub.db.$transaction(async (tx) => {
        await tx.guest.update({
          where: { id: guest.id, organizationId: org },
          data: { classifications: ['Vip'] },
        });
        const result = await intelligence.refresh(tx, org, guest.id, 'MEWS');
        expect(result).toMatchObject({ changed: true, guest: { vip: true } });
        throw new Error('the sync failed later');
      }),
    ).rejects.toThrow('the sync failed later');
    expect(
      await sub.db.guest.findFirstOrThrow({ where: { id: guest.id, organizationId: org } }),
    ).toMatchObject({ vip: false, vipReason: null });

    const result = await sub.db.$transaction(async (tx) => {
      await tx.guest.update({
        where: { id: guest.id, organizationId: org },
        data: { classifications: ['Vip'] },
      });
      return intelligence.refresh(tx, org, guest.id, 'MEWS');
    });
    expect(result).toMatchObject({ changed: true, completeness: guest.completeness });
    expect(result.guest).toMatchObject({ vip: true, vipReason: 'Mews classification Vip' });
    // The score did not move, so the trend keeps its one point.
    expect(
      await sub.db.guestScoreHistory.count({ where: { organizationId: org, guestId: guest.id } }),
    ).toBe(1);
  });

  it('should answer BAD_USER_INPUT when the trend window is out of range', async () => {
    const { admin } = organization();
    const guest = await createGuest(admin);
    const res = await callSubgraph(
      sub.url,
      admin,
      'query ($id: ID!) { guest(id: $id) { completenessTrend(days: 0) { score } } }',
      { id: guest.id },
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'days',
    });
  });
});
