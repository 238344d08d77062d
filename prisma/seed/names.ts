/*
 * Word lists and small catalogs for the demo seed. Every person, company and address here is made
 * up; e-mail addresses use the reserved example.* domains and phone numbers 555 ranges.
 */

/** A last name, or [masculine, feminine] where the language inflects it (Novák / Nováková). */
type LastName = string | readonly [string, string];

export interface Nationality {
  code: string;
  language: string;
  weight: number;
  phonePrefix: string;
  emailTld: string;
  female: readonly string[];
  male: readonly string[];
  last: readonly LastName[];
}

export const HOTEL_NATIONALITIES: readonly Nationality[] = [
  {
    code: 'CZ',
    language: 'cs',
    weight: 16,
    phonePrefix: '+420',
    emailTld: 'cz',
    female: ['Jana', 'Tereza', 'Lucie', 'Kateřina', 'Eva', 'Veronika', 'Markéta', 'Petra'],
    male: ['Jan', 'Petr', 'Tomáš', 'Jakub', 'Martin', 'Lukáš', 'Ondřej', 'Jiří'],
    last: [
      ['Novák', 'Nováková'],
      ['Svoboda', 'Svobodová'],
      ['Dvořák', 'Dvořáková'],
      ['Černý', 'Černá'],
      ['Procházka', 'Procházková'],
      ['Kučera', 'Kučerová'],
      ['Veselý', 'Veselá'],
      ['Horák', 'Horáková'],
    ],
  },
  {
    code: 'SK',
    language: 'sk',
    weight: 3,
    phonePrefix: '+421',
    emailTld: 'sk',
    female: ['Zuzana', 'Martina', 'Ivana', 'Simona'],
    male: ['Michal', 'Marek', 'Peter', 'Juraj'],
    last: [
      ['Kováč', 'Kováčová'],
      ['Horváth', 'Horváthová'],
      ['Baláž', 'Balážová'],
      ['Tóth', 'Tóthová'],
    ],
  },
  {
    code: 'DE',
    language: 'de',
    weight: 16,
    phonePrefix: '+49',
    emailTld: 'de',
    female: ['Anna', 'Julia', 'Katharina', 'Laura', 'Sabine', 'Lena', 'Claudia', 'Miriam'],
    male: ['Lukas', 'Maximilian', 'Jonas', 'Felix', 'Thomas', 'Stefan', 'Andreas', 'Matthias'],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Schäfer',
    ],
  },
  {
    code: 'AT',
    language: 'de',
    weight: 6,
    phonePrefix: '+43',
    emailTld: 'at',
    female: ['Sophie', 'Hannah', 'Elisabeth', 'Theresa'],
    male: ['Florian', 'Tobias', 'Georg', 'Wolfgang'],
    last: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Mayr'],
  },
  {
    code: 'GB',
    language: 'en',
    weight: 12,
    phonePrefix: '+44',
    emailTld: 'co.uk',
    female: ['Olivia', 'Emily', 'Charlotte', 'Sophie', 'Amelia', 'Grace', 'Harriet'],
    male: ['Oliver', 'James', 'Harry', 'George', 'William', 'Thomas', 'Edward'],
    last: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Wilson',
      'Evans',
      'Thompson',
      'Walker',
      'Hughes',
      'Wright',
    ],
  },
  {
    code: 'US',
    language: 'en',
    weight: 12,
    phonePrefix: '+1',
    emailTld: 'com',
    female: ['Emma', 'Madison', 'Ashley', 'Jennifer', 'Megan', 'Rachel', 'Lauren'],
    male: ['Michael', 'Christopher', 'Ryan', 'Daniel', 'Brandon', 'Kevin', 'Tyler'],
    last: [
      'Johnson',
      'Miller',
      'Davis',
      'Anderson',
      'Clark',
      'Lewis',
      'Robinson',
      'Carter',
      'Mitchell',
    ],
  },
  {
    code: 'FR',
    language: 'fr',
    weight: 6,
    phonePrefix: '+33',
    emailTld: 'fr',
    female: ['Camille', 'Chloé', 'Manon', 'Léa', 'Inès'],
    male: ['Louis', 'Hugo', 'Julien', 'Antoine', 'Mathieu'],
    last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard'],
  },
  {
    code: 'IT',
    language: 'it',
    weight: 6,
    phonePrefix: '+39',
    emailTld: 'it',
    female: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Alessia'],
    male: ['Marco', 'Luca', 'Giuseppe', 'Matteo', 'Davide'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
  },
  {
    code: 'ES',
    language: 'es',
    weight: 5,
    phonePrefix: '+34',
    emailTld: 'es',
    female: ['Lucía', 'María', 'Paula', 'Carmen', 'Elena'],
    male: ['Alejandro', 'Pablo', 'Javier', 'Sergio', 'Diego'],
    last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez'],
  },
  {
    code: 'PL',
    language: 'pl',
    weight: 5,
    phonePrefix: '+48',
    emailTld: 'pl',
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna'],
    male: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł'],
    last: [
      ['Nowak', 'Nowak'],
      ['Kowalski', 'Kowalska'],
      ['Wiśniewski', 'Wiśniewska'],
      ['Wójcik', 'Wójcik'],
      ['Kamiński', 'Kamińska'],
    ],
  },
  {
    code: 'NL',
    language: 'nl',
    weight: 4,
    phonePrefix: '+31',
    emailTld: 'nl',
    female: ['Sanne', 'Lotte', 'Femke', 'Anouk'],
    male: ['Daan', 'Bram', 'Sem', 'Joris'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser'],
  },
  {
    code: 'JP',
    language: 'ja',
    weight: 4,
    phonePrefix: '+81',
    emailTld: 'jp',
    female: ['Yui', 'Haruka', 'Aoi', 'Sakura'],
    male: ['Haruto', 'Kenji', 'Takumi', 'Ren'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito'],
  },
  {
    code: 'KR',
    language: 'ko',
    weight: 3,
    phonePrefix: '+82',
    emailTld: 'kr',
    female: ['Ji-woo', 'Seo-yeon', 'Min-ji'],
    male: ['Min-jun', 'Ji-ho', 'Hyun-woo'],
    last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung'],
  },
];

export function lastNameFor(last: LastName, female: boolean): string {
  return typeof last === 'string' ? last : last[female ? 1 : 0];
}

export const HOTEL_GUEST_NOTES = [
  'Prefers a high floor, away from the elevator',
  'Allergic to feathers: hypoallergenic pillows and duvet',
  'Gluten-free breakfast',
  'Usually arrives late, after 22:00',
  'Celebrating a wedding anniversary on this stay',
  'Asked for a quiet room facing the courtyard',
  'Regular business traveller, invoice to company',
];

export const RESERVATION_NOTES = [
  'Airport transfer requested',
  'Twin beds please',
  'Late check-out approved',
];

export const HOTEL_COMPANIES = [
  'Vltava Consulting s.r.o.',
  'Moldau Software GmbH',
  'Karlov Legal Partners',
  'Bohemian Glassworks a.s.',
  'Nordlicht Reisen GmbH',
  'Danube Freight Logistics',
  'Petřín Architects',
  'Helios Pharma Europe',
  'Old Town Events s.r.o.',
  'Brightwater Capital Ltd',
];

export const US_FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Maria',
  'Jose',
  'Guadalupe',
  'Luis',
  'Ana',
  'Juan',
  'Rosa',
  'Daniel',
  'Karen',
  'Matthew',
  'Nancy',
  'Anthony',
  'Lisa',
  'Mark',
  'Betty',
  'Kevin',
  'Sandra',
  'Brian',
  'Ashley',
  'Tyler',
  'Kimberly',
  'Wei',
  'Priya',
  'Hannah',
  'Jacob',
  'Olivia',
  'Ethan',
  'Sofia',
  'Nathan',
  'Chloe',
  'Andre',
];

export const US_LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Patel',
  'Chen',
];

export const CUSTOMER_EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

export const CUSTOMER_NOTES = [
  'Dog in the backyard: call before entering',
  'Prefers text messages over calls',
  'Spanish-speaking; ask for Rosa if no answer',
  'Side gate code 4411',
  'Elderly homeowner: allow extra time to explain the work',
  'Park on the street, driveway is shared',
];

export interface City {
  name: string;
  lat: number;
  lng: number;
  radiusKm: number;
  weight: number;
  postalCodes: readonly string[];
  streets: readonly string[];
}

/** Austin and its northern suburbs; every point stays within ~37 km of downtown Austin. */
export const CITIES: readonly City[] = [
  {
    name: 'Austin',
    lat: 30.2672,
    lng: -97.7431,
    radiusKm: 13,
    weight: 55,
    postalCodes: [
      '78701',
      '78702',
      '78703',
      '78704',
      '78705',
      '78721',
      '78723',
      '78727',
      '78731',
      '78741',
      '78745',
      '78748',
      '78749',
      '78751',
      '78757',
      '78759',
    ],
    streets: [
      'Shoal Creek Blvd',
      'Burnet Rd',
      'S Congress Ave',
      'Manchaca Rd',
      'Slaughter Ln',
      'Brodie Ln',
      'William Cannon Dr',
      'E Riverside Dr',
      'Koenig Ln',
      'Airport Blvd',
      'Guadalupe St',
      'N Lamar Blvd',
      'Duval St',
      'Enfield Rd',
      'Exposition Blvd',
      'Spicewood Springs Rd',
      'Mesa Dr',
      'Far West Blvd',
      'Cameron Rd',
      'Pleasant Valley Rd',
      'Oltorf St',
      'Stassney Ln',
      'Escarpment Blvd',
      'Davis Ln',
    ],
  },
  {
    name: 'Round Rock',
    lat: 30.5083,
    lng: -97.6789,
    radiusKm: 5,
    weight: 14,
    postalCodes: ['78664', '78665', '78681'],
    streets: [
      'Palm Valley Blvd',
      'Gattis School Rd',
      'Sam Bass Rd',
      'Mays St',
      'Red Bud Ln',
      'Greenlawn Blvd',
    ],
  },
  {
    name: 'Cedar Park',
    lat: 30.5052,
    lng: -97.8203,
    radiusKm: 4.5,
    weight: 12,
    postalCodes: ['78613'],
    streets: [
      'Whitestone Blvd',
      'Cypress Creek Rd',
      'Brushy Creek Rd',
      'Anderson Mill Rd',
      'Little Elm Trl',
    ],
  },
  {
    name: 'Pflugerville',
    lat: 30.4394,
    lng: -97.62,
    radiusKm: 4.5,
    weight: 12,
    postalCodes: ['78660', '78691'],
    streets: [
      'Pecan St',
      'Kelly Ln',
      'Wells Branch Pkwy',
      'Dessau Rd',
      'Heatherwilde Blvd',
      'Railroad Ave',
    ],
  },
  {
    name: 'Georgetown',
    lat: 30.6,
    lng: -97.68,
    radiusKm: 3.5,
    weight: 7,
    postalCodes: ['78626', '78628'],
    streets: ['Williams Dr', 'University Ave', 'Leander Rd', 'Rock St', 'Shell Rd', 'Austin Ave'],
  },
];

export const FIELD_COMPANIES = [
  'Lone Star Property Management',
  'Barton Creek HOA',
  'Hill Country Rentals LLC',
  'Bluebonnet Apartments',
  'Capital City Realty',
  'Mueller Townhomes Association',
  'Pecan Street Cafe',
  'Riverside Dental Group',
];

export const FIELD_SITE_NOTES = [
  'Lockbox on the back door, code 2580',
  'Water shut-off valve in the garage',
  'Attic access through the hallway closet',
  'Breaker panel on the exterior north wall',
  'Call the office manager on arrival',
];

export const FIELD_TECHNICIANS = [
  'Marcus Reyes',
  'Jenna Whitfield',
  'Diego Alvarez',
  'Tom Becker',
  'Aisha Johnson',
  'Cody Nguyen',
  'Hector Salinas',
  'Brianna Cole',
  'Sam Patel',
  'Luke Harrison',
  'Renee Dubois',
  'Victor Ochoa',
  'Grace Kim',
  'Travis Boone',
  'Nadia Hassan',
];

export const VEHICLES = [
  'Ford Transit 250',
  'Ram ProMaster 2500',
  'Chevrolet Express 2500',
  'Ford F-150',
  'Nissan NV200',
];

/** Hotel Aurora's four technicians; the first is the tech@aurora.demo login. */
export const HOTEL_TECHNICIANS = [
  'Tomáš Dvořák',
  'Lucie Horáková',
  'Martin Kučera',
  'Eva Benešová',
];

/** Display names of the demo logins, by e-mail. */
export const DEMO_USER_NAMES: Record<string, string> = {
  'admin@aurora.demo': 'Klára Šimková',
  'manager@aurora.demo': 'Pavel Malý',
  'analyst@aurora.demo': 'Irena Pokorná',
  'tech@aurora.demo': 'Tomáš Dvořák',
  'admin@northwind.demo': 'Dana Whitaker',
  'dispatcher@northwind.demo': 'Luis Moreno',
  'tech@northwind.demo': 'Marcus Reyes',
  'analyst@northwind.demo': 'Priya Raman',
};

/** Hotel service jobs; {{room}} is the room number. */
export type HotelJob = [
  category: 'housekeeping' | 'minibar' | 'maintenance',
  title: string,
  description: string,
  minutes: number,
];
export const HOTEL_JOBS: HotelJob[] = [
  [
    'housekeeping',
    'Extra towels for {{room}}',
    'Guest asked for two extra bath towels and a bathrobe.',
    15,
  ],
  ['housekeeping', 'Turndown service in {{room}}', 'Evening turndown requested by the guest.', 20],
  [
    'housekeeping',
    'Deep clean after check-out in {{room}}',
    'Full clean including carpet and curtains.',
    60,
  ],
  [
    'housekeeping',
    'Baby cot for {{room}}',
    'Set up a baby cot with fresh linen before arrival.',
    20,
  ],
  [
    'minibar',
    'Restock minibar in {{room}}',
    'Guest consumed most of the minibar; restock and post charges.',
    15,
  ],
  [
    'minibar',
    'Minibar check after check-out in {{room}}',
    'Count and charge items before the folio is closed.',
    10,
  ],
  [
    'maintenance',
    'Fix leaking tap in {{room}}',
    'Bathroom basin tap drips constantly; replace the cartridge.',
    45,
  ],
  [
    'maintenance',
    'AC not cooling in {{room}}',
    'Guest reports the room stays at 26 °C with the AC on.',
    60,
  ],
  ['maintenance', 'Replace bedside lamp bulb in {{room}}', 'Left bedside lamp is out.', 10],
  ['maintenance', 'Shower drain blocked in {{room}}', 'Water pools in the shower tray.', 40],
  [
    'maintenance',
    'Safe will not open in {{room}}',
    'In-room safe locked with the guest passport inside.',
    20,
  ],
  [
    'maintenance',
    'Door lock battery low in {{room}}',
    'Key card reader blinks red; replace the batteries.',
    15,
  ],
];
/** The jobs (index into HOTEL_JOBS) that keep the blocked rooms out of sale, and why they wait. */
export const HOTEL_HOLDS: [job: number, reason: string][] = [
  [6, 'Waiting for a replacement cartridge from the supplier'],
  [9, 'External plumber booked for tomorrow morning'],
  [7, 'Compressor replacement ordered, delivery expected this week'],
];
export const HOTEL_CANCEL_REASONS = [
  'Guest declined the service',
  'Duplicate request',
  'Guest checked out early',
];
export const HOTEL_GUEST_QUESTIONS = [
  'Could we get a late check-out tomorrow?',
  'Is the spa open on Sunday?',
  'Thank you for the flowers!',
  'Can we book a table for two at 8pm?',
];

/** Field jobs per skill: [title, description, minutes, price in USD, can be an emergency]. */
export type FieldTask = [
  title: string,
  description: string,
  minutes: number,
  priceUsd: number,
  urgent: boolean,
];
export const FIELD_TASKS: Record<string, FieldTask[]> = {
  HVAC: [
    [
      'AC not cooling',
      'AC runs but blows warm air; outdoor unit hums. System is about 12 years old.',
      90,
      189,
      true,
    ],
    [
      'Furnace will not ignite',
      'Furnace clicks but never lights; house is getting cold.',
      75,
      165,
      true,
    ],
    [
      'Annual AC tune-up',
      'Seasonal maintenance: coils, refrigerant level, filter, drain line.',
      60,
      129,
      false,
    ],
    [
      'Thermostat replacement',
      'Replace old thermostat with the customer-supplied smart thermostat.',
      60,
      145,
      false,
    ],
    [
      'Heat pump making loud noise',
      'Grinding noise from the outdoor unit at start-up.',
      90,
      210,
      false,
    ],
  ],
  Plumbing: [
    [
      'Water heater replacement',
      'Replace a leaking 50-gallon gas water heater; haul away the old tank.',
      180,
      1450,
      false,
    ],
    [
      'Leaking kitchen faucet',
      'Faucet drips constantly; customer wants the cartridge or faucet replaced.',
      60,
      140,
      false,
    ],
    [
      'Clogged main drain',
      'Toilets and tub backing up; likely main line clog. Bring the camera.',
      120,
      325,
      true,
    ],
    [
      'Burst pipe under sink',
      'Water spraying under the bathroom sink; customer closed the main valve.',
      90,
      260,
      true,
    ],
    [
      'Garbage disposal replacement',
      'Disposal hums but does not spin; replace with a 3/4 HP unit.',
      60,
      385,
      false,
    ],
  ],
  Electrical: [
    [
      'Breaker keeps tripping',
      'Kitchen circuit trips when the microwave and kettle run together.',
      90,
      185,
      true,
    ],
    [
      'Install ceiling fan',
      'Replace the main bedroom light fixture with a ceiling fan (supplied).',
      90,
      220,
      false,
    ],
    [
      'Outlets not working in living room',
      'Three outlets dead since a storm; check GFCI and connections.',
      60,
      150,
      false,
    ],
    [
      'EV charger installation',
      'Install a 48 A Level 2 charger in the garage; new 60 A circuit.',
      240,
      1290,
      false,
    ],
  ],
  'Appliance repair': [
    ['Dishwasher not draining', 'Standing water at the bottom after each cycle.', 60, 165, false],
    [
      'Refrigerator not cooling',
      'Fridge section warm, freezer still cold; check the evaporator fan.',
      75,
      215,
      true,
    ],
    [
      'Dryer not heating',
      'Electric dryer tumbles but no heat; likely heating element.',
      60,
      175,
      false,
    ],
    ['Washer leaking', 'Front-loader leaks during the spin cycle.', 60, 160, false],
  ],
  Carpentry: [
    ['Front door sticking', 'Door rubs at the top corner; plane and rehang.', 60, 145, false],
    ['Replace rotted deck boards', 'About eight deck boards soft near the steps.', 180, 640, false],
    ['Repair fence gate', 'Gate sags and will not latch.', 90, 195, false],
  ],
  Roofing: [
    [
      'Roof leak after storm',
      "Water stain spreading on the bedroom ceiling after last night's storm.",
      120,
      450,
      true,
    ],
    [
      'Replace missing shingles',
      'Wind took several shingles off the south slope.',
      150,
      520,
      false,
    ],
    ['Gutter cleaning and repair', 'Gutters overflowing; one downspout detached.', 120, 240, false],
  ],
  'Gas safety': [
    [
      'Gas smell near water heater',
      'Customer smells gas in the garage near the water heater.',
      60,
      175,
      true,
    ],
    [
      'Annual gas appliance safety check',
      'Check furnace, range and water heater; CO test.',
      60,
      119,
      false,
    ],
    ['Gas range hookup', 'Connect a new gas range and leak-test the line.', 60, 165, false],
  ],
};
/** The parts line an invoice of each skill may carry: [description, unit price in cents]. */
export const FIELD_PARTS: Record<string, [string, number]> = {
  HVAC: ['Run capacitor 45/5 µF', 4500],
  Plumbing: ['Fittings and supply lines', 2400],
  Electrical: ['Breaker and wiring', 3800],
  'Appliance repair': ['Replacement part', 6900],
  Carpentry: ['Lumber and hardware', 5200],
  Roofing: ['Shingles and underlayment', 8900],
  'Gas safety': ['Flex connector', 1850],
};
export const FIELD_HOLD_REASONS = [
  'Waiting for parts: compressor on back-order',
  'Waiting for the customer to approve the quote',
  'HOA approval needed before work continues',
  'Customer asked to pause until next week',
];
export const FIELD_CANCEL_REASONS = [
  'Customer fixed it themselves',
  'Duplicate request',
  'Customer no longer available',
  'Customer went with another company',
  'Quote declined',
];
export const SMS_REPLIES = [
  'Thanks! The gate is open.',
  'Great, see you soon',
  'Please use the side door',
  'Can you call when you are 5 minutes away?',
  'Perfect, thank you',
];
