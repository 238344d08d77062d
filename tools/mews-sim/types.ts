/* Entity shapes the simulator stores; field names follow the Mews Connector API exactly. */

export type ReservationState =
  'Inquired' | 'Confirmed' | 'Started' | 'Processed' | 'Canceled' | 'Optional' | 'Requested';

export type ResourceState = 'Dirty' | 'Clean' | 'Inspected' | 'OutOfService' | 'OutOfOrder';

export interface SimReservation {
  Id: string;
  EnterpriseId: string;
  ServiceId: string;
  AccountId: string;
  AccountType: 'Customer' | 'Company';
  BookerId: string | null;
  Number: string;
  State: ReservationState;
  Origin: string;
  CreatedUtc: string;
  UpdatedUtc: string;
  CancelledUtc: string | null;
  RateId: string;
  GroupId: string;
  RequestedResourceCategoryId: string;
  AssignedResourceId: string | null;
  AssignedResourceLocked: boolean;
  ChannelNumber: string | null;
  CancellationReason: string | null;
  ScheduledStartUtc: string;
  ActualStartUtc: string | null;
  ScheduledEndUtc: string;
  ActualEndUtc: string | null;
  Purpose: 'Leisure' | 'Business' | 'Student' | null;
  PersonCounts: { AgeCategoryId: string; Count: number }[];
  Options: {
    OwnerCheckedIn: boolean;
    AllCompanionsCheckedIn: boolean;
    AnyCompanionCheckedIn: boolean;
    ConnectorCheckIn: boolean;
  };
}

export interface SimCustomer {
  Id: string;
  Number: string;
  Title: 'Mister' | 'Misses' | 'Miss' | null;
  Sex: 'Male' | 'Female' | null;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
  Phone: string | null;
  LanguageCode: string | null;
  NationalityCode: string | null;
  BirthDate: string | null;
  Notes: string | null;
  Classifications: string[];
  Options: string[];
  AddressId: string | null;
  CompanyId: string | null;
  IsActive: boolean;
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface SimAddress {
  Id: string;
  Line1: string | null;
  Line2: string | null;
  City: string | null;
  PostalCode: string | null;
  CountryCode: string | null;
  CountrySubdivisionCode: string | null;
}

export interface SimCompany {
  Id: string;
  Name: string;
  Number: number;
  Identifier: string | null;
  TaxIdentifier: string | null;
  IsActive: boolean;
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface SimService {
  Id: string;
  EnterpriseId: string;
  Name: string;
  IsActive: boolean;
  Ordering: number;
  Data: { Discriminator: 'Bookable' | 'Additional'; Value: Record<string, unknown> };
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface SimResource {
  Id: string;
  EnterpriseId: string;
  IsActive: boolean;
  Name: string;
  ParentResourceId: string | null;
  State: ResourceState;
  StateReason: string | null;
  Data: { Discriminator: 'Space'; Value: { FloorNumber: string; LocationNotes: string | null } };
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface SimOrder {
  OrderId: string;
  ServiceId: string;
  AccountId: string;
  LinkedReservationId: string | null;
  ConsumptionUtc: string | null;
  Notes: string | null;
  BillId: string | null;
  Lines: Record<string, unknown>[];
  ExternalIdentifiers: string[];
  CreatedUtc: string;
}

export interface Faults {
  /** 0..1: share of API requests answered with a random 500 or 503. */
  errorRate: number;
  /** Added before every API answer. */
  latencyMs: number;
  /** Close every connected WebSocket now (one-shot). */
  dropSockets: boolean;
  /** Send each general webhook twice. */
  duplicateWebhooks: boolean;
  /** 0..1: share of general webhook deliveries that are lost (never posted). */
  webhookLossRate: number;
  /** The next `count` API requests fail with `status` (deterministic tests). */
  failNext: { status: 401 | 408 | 429 | 500 | 503; count: number } | null;
}

export const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  dropSockets: false,
  duplicateWebhooks: false,
  webhookLossRate: 0,
  failNext: null,
};

/** One API request the simulator answered (tests assert on it). */
export interface SimRequestRecord {
  path: string;
  body: Record<string, unknown>;
  status: number;
  requestId: string;
}
