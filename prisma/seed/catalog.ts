/*
 * The demo service catalogs: what each organization sells, how long it takes, who may do it.
 * Field jobs get the type of their skill, hotel service orders the type of their job category;
 * the other types are used by maintenance plans, automation rules and vendors.
 */

export interface ServiceTypeSpec {
  name: string;
  description: string;
  /** The skill the type requires, or null (vendor-only work). */
  skill: string | null;
  minLevel: number;
  minutes: number;
  /** List price in major units of the organization's currency, or null (no list price). */
  price: number | null;
  checklist: string[];
}

export const FIELD_SERVICE_TYPES: ServiceTypeSpec[] = [
  {
    name: 'HVAC service call',
    description: 'Diagnose and repair heating, cooling and ventilation systems.',
    skill: 'HVAC',
    minLevel: 1,
    minutes: 90,
    price: 149,
    checklist: [
      'Check thermostat settings and batteries',
      'Inspect the air filter and replace it if dirty',
      'Check refrigerant pressures and electrical connections',
      'Test-run heating and cooling',
      'Explain the findings to the customer',
    ],
  },
  {
    name: 'Plumbing repair',
    description: 'Leaks, clogs, fixtures and water heaters.',
    skill: 'Plumbing',
    minLevel: 1,
    minutes: 90,
    price: 140,
    checklist: [
      'Locate the shut-off valve',
      'Inspect for leaks and water damage',
      'Repair or replace the faulty parts',
      'Pressure-test and check for leaks',
      'Clean up the work area',
    ],
  },
  {
    name: 'Electrical repair',
    description: 'Circuits, outlets, fixtures and chargers, to code.',
    skill: 'Electrical',
    minLevel: 1,
    minutes: 90,
    price: 150,
    checklist: [
      'Switch off the circuit and verify it is dead',
      'Inspect the panel and breakers',
      'Repair the wiring or devices',
      'Test GFCI and AFCI protection',
      'Restore power and test',
    ],
  },
  {
    name: 'Appliance repair',
    description: 'Dishwashers, refrigerators, washers and dryers.',
    skill: 'Appliance repair',
    minLevel: 1,
    minutes: 60,
    price: 130,
    checklist: [
      'Record the model and serial number',
      'Diagnose the fault',
      'Replace the faulty part',
      'Run a full test cycle',
    ],
  },
  {
    name: 'Carpentry',
    description: 'Doors, decks, fences and trim.',
    skill: 'Carpentry',
    minLevel: 1,
    minutes: 120,
    price: 160,
    checklist: [
      'Confirm the scope with the customer',
      'Protect floors and furniture',
      'Complete the repair',
      'Clean up and haul away debris',
    ],
  },
  {
    name: 'Roof repair',
    description: 'Leaks, shingles, flashing and gutters.',
    skill: 'Roofing',
    minLevel: 1,
    minutes: 150,
    price: 420,
    checklist: [
      'Set up the ladder and fall protection',
      'Inspect the roof and photograph the damage',
      'Repair shingles, flashing or underlayment',
      'Check gutters and downspouts',
      'Photograph the finished repair',
    ],
  },
  {
    name: 'Gas safety inspection',
    description: 'Gas leaks, appliance hookups and safety checks; certified technicians only.',
    skill: 'Gas safety',
    minLevel: 2,
    minutes: 60,
    price: 119,
    checklist: [
      'Check the appliances and lines for gas leaks',
      'Test the flue and ventilation',
      'Carbon monoxide test',
      'Hand the safety record to the customer',
    ],
  },
  {
    name: 'HVAC filter change',
    description: 'Preventive filter change and drain line check.',
    skill: 'HVAC',
    minLevel: 1,
    minutes: 30,
    price: 89,
    checklist: [
      'Replace the air filter',
      'Flush the condensate drain line',
      'Note the filter size for the next visit',
    ],
  },
];

/** The type of a field job, by the job's skill. */
export const FIELD_TYPE_OF_SKILL: Record<string, string> = {
  HVAC: 'HVAC service call',
  Plumbing: 'Plumbing repair',
  Electrical: 'Electrical repair',
  'Appliance repair': 'Appliance repair',
  Carpentry: 'Carpentry',
  Roofing: 'Roof repair',
  'Gas safety': 'Gas safety inspection',
};

/** The lowest skill level the type of a field job of this skill requires. */
export function fieldMinLevel(skill: string): number {
  return FIELD_SERVICE_TYPES.find((t) => t.name === FIELD_TYPE_OF_SKILL[skill])?.minLevel ?? 1;
}

export const HOTEL_SERVICE_TYPES: ServiceTypeSpec[] = [
  {
    name: 'Maintenance repair',
    description: 'Repairs in rooms and public areas: plumbing, AC, lights, locks, safes.',
    skill: 'Maintenance',
    minLevel: 1,
    minutes: 45,
    price: null,
    checklist: [
      'Inspect the fault',
      'Repair or replace the part',
      'Test it, with the guest if present',
      'Leave the room tidy',
    ],
  },
  {
    name: 'Housekeeping request',
    description: 'Guest requests and extra cleaning.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 20,
    price: null,
    checklist: [
      'Confirm the request with the guest',
      'Complete or deliver the request',
      'Check the room is tidy',
    ],
  },
  {
    name: 'Minibar restock',
    description: 'Count, restock and charge the minibar.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 15,
    price: null,
    checklist: ['Count the consumed items', 'Restock the minibar', 'Post the charges to the folio'],
  },
  {
    name: 'VIP welcome amenity',
    description: 'Fruit, sweets and a handwritten card in the room before a VIP arrives.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 20,
    price: 45,
    checklist: [
      'Prepare the amenity and the welcome card',
      'Place it in the room before arrival',
      'Check the room once more',
    ],
  },
  {
    name: 'Early check-in room preparation',
    description: 'Clean and inspect the room first, for a guest arriving before check-in time.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 45,
    price: null,
    checklist: ['Clean the room first', 'Inspect the room', 'Mark the room ready in the PMS'],
  },
  {
    name: 'Champagne on arrival',
    description: 'A chilled bottle, glasses and a card in the room for the arrival.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 15,
    price: 65,
    checklist: ['Chill the champagne', 'Set up glasses and the ice bucket', 'Place the card'],
  },
  {
    name: 'Deep clean',
    description: 'Furniture moved, carpets and curtains, bathroom descaled.',
    skill: 'Housekeeping',
    minLevel: 1,
    minutes: 90,
    price: null,
    checklist: [
      'Move the furniture and vacuum underneath',
      'Clean carpets and curtains',
      'Descale the bathroom fixtures',
      'Inspect the room',
    ],
  },
  {
    name: 'AC filter check',
    description: 'Clean or replace the filters of a floor of fan coil units.',
    skill: 'Maintenance',
    minLevel: 1,
    minutes: 120,
    price: null,
    checklist: [
      'Switch off the units',
      'Clean or replace the filters',
      'Check the condensate drains',
      'Log the units checked',
    ],
  },
  {
    name: 'Elevator service',
    description: 'Service and statutory inspection of the lifts (contractor).',
    skill: null,
    minLevel: 1,
    minutes: 120,
    price: 180,
    checklist: [
      'Test the doors and safety edges',
      'Test the emergency phone',
      'Sign the lift log book',
    ],
  },
  {
    name: 'Laundry pickup',
    description: 'Linen collected and returned by the laundry (contractor).',
    skill: null,
    minLevel: 1,
    minutes: 30,
    price: 60,
    checklist: ['Count the bags', 'Sign the delivery note'],
  },
];

/** The type of a hotel service order, by the HOTEL_JOBS category. */
export const HOTEL_TYPE_OF_CATEGORY: Record<string, string> = {
  maintenance: 'Maintenance repair',
  housekeeping: 'Housekeeping request',
  minibar: 'Minibar restock',
};
