import type { TechnicianDetailFragment } from '../generated/graphql';
import {
  certificationAlerts,
  certificationState,
  checkSkillName,
  checkTeamName,
  createTechnicianInput,
  KEEP_USER,
  newTechnicianForm,
  normalizePhone,
  skillsChanged,
  skillsInput,
  technicianFieldOf,
  technicianFiltersOf,
  technicianFormOf,
  technicianParamsOf,
  updateTechnicianInput,
  validateCertification,
  validateTechnician,
  validateTimeOff,
  withoutSkill,
  withSkill,
  type SkillDraft,
  type TechnicianFormValue,
} from './technician.model';

function technician(overrides: Partial<TechnicianDetailFragment> = {}): TechnicianDetailFragment {
  return {
    __typename: 'Technician',
    id: 't1',
    name: 'Jana Nováková',
    email: 'jana@example.com',
    phone: '+420601234567',
    homeAddress: 'Dlouhá 1, Praha',
    homeLat: 50.09,
    homeLng: 14.42,
    vehicle: 'Van 1AB 2345',
    vehicleCapacity: 12,
    shiftStartMin: 420,
    shiftEndMin: 1440,
    workDays: [5, 1, 3],
    maxJobsPerDay: 6,
    active: true,
    team: { __typename: 'Team', id: 'team1', name: 'Plumbers' },
    skills: [],
    certifications: [],
    ...overrides,
  };
}

const form = (overrides: Partial<TechnicianFormValue> = {}): TechnicianFormValue => ({
  ...newTechnicianForm(),
  name: 'Petr Svoboda',
  ...overrides,
});

describe('technician form', () => {
  it('should use the server defaults when creating a technician', () => {
    expect(newTechnicianForm()).toMatchObject({
      shiftStart: '08:00',
      shiftEnd: '17:00',
      workDays: [1, 2, 3, 4, 5],
      maxJobsPerDay: 8,
    });
  });

  it('should convert minutes to times and sort work days when editing', () => {
    expect(technicianFormOf(technician())).toMatchObject({
      shiftStart: '07:00',
      shiftEnd: '00:00',
      workDays: [1, 3, 5],
      teamId: 'team1',
      userId: KEEP_USER,
    });
  });

  it('should accept a complete form when every rule holds', () => {
    expect(validateTechnician(technicianFormOf(technician()))).toEqual({});
  });

  it('should report each broken rule with the server message when the form is invalid', () => {
    const errors = validateTechnician(
      form({
        name: ' J ',
        email: 'not-an-email',
        phone: '601 234',
        homeLat: 50,
        homeLng: null,
        vehicleCapacity: -1,
        shiftStart: '17:00',
        shiftEnd: '08:00',
        workDays: [],
        maxJobsPerDay: 31,
      }),
    );
    expect(errors).toEqual({
      name: 'Give a name of 2 to 80 characters',
      email: 'Give a valid email address',
      phone: 'Give the phone in international format, like +420 601 234 567',
      homeLng: 'Give the home base latitude and longitude together',
      vehicleCapacity: 'Vehicle capacity must be a whole number, 0 or more',
      shiftEnd: 'The shift must end after it starts',
      workDays: 'Choose at least one work day',
      maxJobsPerDay: 'Max jobs per day must be 1 to 30',
    });
  });

  it('should refuse coordinates out of range when the base is given', () => {
    expect(validateTechnician(form({ homeLat: 91, homeLng: -181 }))).toEqual({
      homeLat: 'Latitude must be between -90 and 90',
      homeLng: 'Longitude must be between -180 and 180',
    });
  });

  it('should allow a shift to the end of the day when the end is midnight', () => {
    expect(validateTechnician(form({ shiftStart: '14:00', shiftEnd: '00:00' }))).toEqual({});
  });

  it('should normalize phones like the server when separators are typed', () => {
    expect(normalizePhone('+420 601-234 567')).toBe('+420601234567');
    expect(normalizePhone('00420 (601) 234.567')).toBe('+420601234567');
    expect(normalizePhone('601234567')).toBeNull();
  });

  it('should send minutes, sorted days and only given optionals when creating', () => {
    const input = createTechnicianInput(
      form({
        phone: '+420 601 234 567',
        shiftStart: '06:30',
        shiftEnd: '00:00',
        workDays: [6, 1],
        homeLat: 50,
        homeLng: 14,
        userId: 'u1',
      }),
    );
    expect(input).toEqual({
      name: 'Petr Svoboda',
      phone: '+420601234567',
      shiftStartMin: 390,
      shiftEndMin: 1440,
      workDays: [1, 6],
      maxJobsPerDay: 8,
      homeLat: 50,
      homeLng: 14,
      userId: 'u1',
    });
  });

  it('should send only changed fields and null for cleared ones when updating', () => {
    const before = technicianFormOf(technician());
    const after = {
      ...before,
      email: '',
      teamId: '',
      shiftStart: '08:00',
      workDays: [1, 3, 5],
      vehicleCapacity: null,
    };
    expect(updateTechnicianInput(after, before)).toEqual({
      email: null,
      teamId: null,
      shiftStartMin: 480,
      vehicleCapacity: null,
    });
  });

  it('should leave the linked user alone unless one is chosen when updating', () => {
    const before = technicianFormOf(technician());
    expect(updateTechnicianInput({ ...before }, before)).toEqual({});
    expect(updateTechnicianInput({ ...before, userId: 'u2' }, before)).toEqual({ userId: 'u2' });
    expect(updateTechnicianInput({ ...before, userId: '' }, before)).toEqual({ userId: null });
  });

  it('should map server field names to form fields when showing server errors', () => {
    expect(technicianFieldOf('input.shiftEndMin')).toBe('shiftEnd');
    expect(technicianFieldOf('phone')).toBe('phone');
    expect(technicianFieldOf('skills')).toBeNull();
  });
});

describe('skills editor', () => {
  const plumbing: SkillDraft = { skillId: 's1', name: 'Plumbing', level: 2 };
  const electrics: SkillDraft = { skillId: 's2', name: 'electrics', level: 1 };

  it('should add skills sorted by name when a new one is chosen', () => {
    expect(withSkill([plumbing], electrics).map((s) => s.skillId)).toEqual(['s2', 's1']);
  });

  it('should change the level instead of duplicating when the skill is held', () => {
    expect(withSkill([plumbing], { ...plumbing, level: 3 })).toEqual([{ ...plumbing, level: 3 }]);
    expect(withSkill([], { ...plumbing, level: 7 })[0]!.level).toBe(3);
  });

  it('should remove a skill and build the API input when saving', () => {
    const list = withoutSkill([electrics, plumbing], 's2');
    expect(skillsInput(list)).toEqual([{ skillId: 's1', level: 2 }]);
  });

  it('should tell a change from a reordering when comparing drafts', () => {
    expect(skillsChanged([plumbing, electrics], [electrics, plumbing])).toBe(false);
    expect(skillsChanged([plumbing], [{ ...plumbing, level: 3 }])).toBe(true);
  });

  it('should refuse an empty or taken skill name when creating one inline', () => {
    expect(checkSkillName('  Gas   safety ', [])).toEqual({ name: 'Gas safety' });
    expect(checkSkillName('x', [])).toEqual({ error: 'Give a name of 2 to 80 characters' });
    expect(checkSkillName('plumbing', [plumbing])).toEqual({
      error: 'A skill named plumbing already exists',
    });
  });
});

describe('certifications', () => {
  it('should classify certifications by their expiry flags', () => {
    expect(certificationState({ expiresOn: '2020-01-01', expired: true, expiresSoon: false })).toBe(
      'expired',
    );
    expect(certificationState({ expiresOn: '2026-01-01', expired: false, expiresSoon: true })).toBe(
      'expiring',
    );
    expect(
      certificationState({ expiresOn: '2030-01-01', expired: false, expiresSoon: false }),
    ).toBe('valid');
    expect(certificationState({ expiresOn: null, expired: false, expiresSoon: false })).toBe(
      'permanent',
    );
  });

  it('should count expired and expiring ones separately when summarizing', () => {
    expect(
      certificationAlerts([
        { expired: true, expiresSoon: false },
        { expired: false, expiresSoon: true },
        { expired: false, expiresSoon: true },
        { expired: false, expiresSoon: false },
      ]),
    ).toEqual({ expired: 1, expiring: 2 });
  });

  it('should refuse an expiry before the issue date when adding', () => {
    expect(
      validateCertification({
        name: 'Gas safety',
        issuedOn: '2026-05-01',
        expiresOn: '2026-04-30',
      }),
    ).toEqual({ expiresOn: 'A certification cannot expire before it is issued' });
    expect(validateCertification({ name: 'G', issuedOn: '', expiresOn: '' })).toEqual({
      name: 'Give a name of 2 to 80 characters',
    });
  });
});

describe('time off', () => {
  it('should require an end after the start and a reason when adding time off', () => {
    expect(
      validateTimeOff({
        startsAt: '2026-05-04T10:00:00Z',
        endsAt: '2026-05-04T10:00:00Z',
        reason: ' ',
      }),
    ).toEqual({
      endsAt: 'Time off must end after it starts',
      reason: 'Give a reason of 2 to 200 characters',
    });
    expect(validateTimeOff({ startsAt: null, endsAt: null, reason: 'Vacation' })).toEqual({
      startsAt: 'Give the start',
      endsAt: 'Give the end',
    });
  });

  it('should refuse more than 60 days when the absence is long', () => {
    expect(
      validateTimeOff({
        startsAt: '2026-05-01T00:00:00Z',
        endsAt: '2026-07-01T00:00:00Z',
        reason: 'Leave',
      }),
    ).toEqual({ endsAt: 'Time off can last at most 60 days; add longer absences in parts' });
    expect(
      validateTimeOff({
        startsAt: '2026-05-01T00:00:00Z',
        endsAt: '2026-06-30T00:00:00Z',
        reason: 'Leave',
      }),
    ).toEqual({});
  });
});

describe('teams and filters', () => {
  const teams = [
    { id: 'a', name: 'Plumbers' },
    { id: 'b', name: 'Electricians' },
  ];

  it('should refuse a name another team has when creating or renaming', () => {
    expect(checkTeamName(' plumbers ', teams)).toEqual({
      error: 'A team named Plumbers already exists',
    });
    expect(checkTeamName('Plumbers', teams, 'a')).toEqual({ name: 'Plumbers' });
    expect(checkTeamName('  Night   shift ', teams)).toEqual({ name: 'Night shift' });
  });

  it('should round-trip filters through the URL when navigating', () => {
    const filters = technicianFiltersOf({ q: ' jana ', team: 'a', skill: 'Gas', inactive: '1' });
    expect(filters).toEqual({ search: 'jana', teamId: 'a', skill: 'Gas', includeInactive: true });
    expect(technicianParamsOf(filters)).toEqual({
      q: 'jana',
      team: 'a',
      skill: 'Gas',
      inactive: '1',
    });
    expect(technicianParamsOf(technicianFiltersOf({}))).toEqual({
      q: null,
      team: null,
      skill: null,
      inactive: null,
    });
  });
});
