/* Mews Connector API request/response shapes; field names are exact (see the connector spec). */

export interface TimeInterval {
  StartUtc: string;
  EndUtc: string;
}

export interface Limitation {
  Count: number;
  Cursor?: string | null;
}

/** A partial-update wrapper: omit (or null) leaves the field alone, `{Value: null}` clears it. */
export interface ValueWrapper<T> {
  Value: T | null;
}

export type ReservationState =
  'Inquired' | 'Confirmed' | 'Started' | 'Processed' | 'Canceled' | 'Optional' | 'Requested';

export type ResourceState = 'Dirty' | 'Clean' | 'Inspected' | 'OutOfService' | 'OutOfOrder';

export interface ReservationFilter {
  EnterpriseIds?: string[];
  ReservationIds?: string[];
  ServiceIds?: string[];
  AccountIds?: string[];
  Numbers?: string[];
  AssignedResourceIds?: string[];
  States?: ReservationState[];
  CreatedUtc?: TimeInterval;
  UpdatedUtc?: TimeInterval;
  CollidingUtc?: TimeInterval;
  ScheduledStartUtc?: TimeInterval;
  ActualStartUtc?: TimeInterval;
  ScheduledEndUtc?: TimeInterval;
  ActualEndUtc?: TimeInterval;
  Limitation: Limitation;
}

export const RESERVATION_INTERVALS = [
  'CreatedUtc',
  'UpdatedUtc',
  'CollidingUtc',
  'ScheduledStartUtc',
  'ActualStartUtc',
  'ScheduledEndUtc',
  'ActualEndUtc',
] as const satisfies readonly (keyof ReservationFilter)[];

export interface Reservation {
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
  GroupId: string | null;
  RequestedResourceCategoryId: string;
  AssignedResourceId: string | null;
  AssignedResourceLocked: boolean;
  ChannelNumber: string | null;
  CancellationReason: string | null;
  ScheduledStartUtc: string;
  ActualStartUtc: string | null;
  ScheduledEndUtc: string;
  ActualEndUtc: string | null;
  Purpose: string | null;
  PersonCounts: { AgeCategoryId: string; Count: number }[];
  Options: {
    OwnerCheckedIn: boolean;
    AllCompanionsCheckedIn: boolean;
    AnyCompanionCheckedIn: boolean;
    ConnectorCheckIn: boolean;
  };
}

export interface ReservationsResult {
  Reservations: Reservation[];
  Cursor: string | null;
}

export interface CustomerFilter {
  Extent: { Customers?: boolean; Addresses?: boolean };
  CustomerIds?: string[];
  Emails?: string[];
  FirstNames?: string[];
  LastNames?: string[];
  ActivityStates?: ('Active' | 'Deleted')[];
  CreatedUtc?: TimeInterval;
  UpdatedUtc?: TimeInterval;
  Limitation: Limitation;
}

export interface Customer {
  Id: string;
  Number: string;
  Title: string | null;
  Sex: string | null;
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

export interface Address {
  Id: string;
  Line1: string | null;
  Line2: string | null;
  City: string | null;
  PostalCode: string | null;
  CountryCode: string | null;
  CountrySubdivisionCode: string | null;
}

export interface CustomersResult {
  Customers: Customer[] | null;
  Addresses: Address[] | null;
  Cursor: string | null;
}

type CustomerFields = Pick<
  Customer,
  | 'Title'
  | 'Sex'
  | 'FirstName'
  | 'Email'
  | 'Phone'
  | 'LanguageCode'
  | 'NationalityCode'
  | 'BirthDate'
  | 'Notes'
  | 'Classifications'
  | 'Options'
  | 'CompanyId'
>;

export type AddCustomerInput = Partial<CustomerFields> & {
  LastName: string;
  OverwriteExisting: boolean;
};

export type UpdateCustomerInput = {
  CustomerId: string;
} & { [K in keyof CustomerFields | 'LastName']?: ValueWrapper<Customer[K]> | null };

export interface Company {
  Id: string;
  Name: string;
  Number: number;
  Identifier: string | null;
  TaxIdentifier: string | null;
  IsActive: boolean;
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface CompanyFilter {
  Ids?: string[];
  Names?: string[];
  Limitation: Limitation;
}

export interface CompaniesResult {
  Companies: Company[];
  Cursor: string | null;
}

export interface ServiceFilter {
  ServiceIds?: string[];
  ServiceType?: 'Bookable' | 'Additional';
  Limitation: Limitation;
}

export interface Service {
  Id: string;
  EnterpriseId: string;
  Name: string;
  IsActive: boolean;
  Ordering: number;
  Data: { Discriminator: 'Bookable' | 'Additional'; Value: Record<string, unknown> };
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface ServicesResult {
  Services: Service[];
  Cursor: string | null;
}

export interface ResourceFilter {
  Extent: { Resources?: boolean; Inactive?: boolean };
  ResourceIds?: string[];
  Limitation: Limitation;
}

export interface Resource {
  Id: string;
  EnterpriseId: string;
  IsActive: boolean;
  Name: string;
  ParentResourceId: string | null;
  State: ResourceState;
  StateReason?: string | null;
  Data: { Discriminator: string; Value: Record<string, unknown> };
  CreatedUtc: string;
  UpdatedUtc: string;
}

export interface ResourcesResult {
  Resources: Resource[] | null;
  Cursor: string | null;
}

export interface ResourceUpdate {
  ResourceId: string;
  State?: ValueWrapper<ResourceState> | null;
  StateReason?: ValueWrapper<string> | null;
}

export interface Amount {
  Currency: string;
  TaxCodes: string[];
  GrossValue?: number;
  NetValue?: number;
}

export interface OrderItem {
  Name: string;
  UnitCount: number;
  UnitAmount: Amount;
  AccountingCategoryId?: string;
  ExternalIdentifier?: string;
}

export interface ProductOrder {
  ProductId: string;
  Count: number;
  UnitAmount?: Amount;
  ExternalIdentifier: string;
}

export interface AddOrderInput {
  ServiceId: string;
  AccountId: string;
  LinkedReservationId?: string;
  ConsumptionUtc?: string;
  Notes?: string;
  BillId?: string;
  Items?: OrderItem[];
  ProductOrders?: ProductOrder[];
}

export interface AddOrderResult {
  OrderId: string;
}

/** Error body: `{Message, RequestId?, Details?}`. */
export interface MewsErrorBody {
  Message?: string;
  RequestId?: string;
  Details?: unknown;
}

/** WebSocket messages: `{"Events":[...]}` carrying ids only. */
export type MewsSocketEvent =
  | {
      Type: 'Reservation';
      Id: string;
      State: ReservationState;
      StartUtc: string;
      EndUtc: string;
      AssignedResourceId?: string | null;
    }
  | { Type: 'Resource'; Id: string; State: ResourceState }
  | { Type: 'DeviceCommand'; Id: string; State: string }
  | { Type: 'PriceUpdate'; Id: string; [key: string]: unknown };
