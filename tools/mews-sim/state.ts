import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { iso, seedHotel, type HotelSizes, type SeedData } from './seed';
import type {
  ResourceState,
  SimAddress,
  SimCompany,
  SimCustomer,
  SimOrder,
  SimRequestRecord,
  SimReservation,
  SimResource,
  SimService,
} from './types';

/** What the simulator announces when its data changes (the push channels listen). */
export interface SimStateEvents {
  reservation: [SimReservation];
  resource: [SimResource];
  customer: [{ customer: SimCustomer; added: boolean }];
  /** Any change of the stored data (persistence listens). */
  change: [];
}

/** Everything the simulator keeps between runs (the request log is not kept). */
export interface SimSnapshot {
  enterpriseId: string;
  integrationId: string;
  adultAgeCategoryId: string;
  childAgeCategoryId: string;
  services: SimService[];
  resources: SimResource[];
  companies: SimCompany[];
  customers: SimCustomer[];
  addresses: SimAddress[];
  reservations: SimReservation[];
  orders: SimOrder[];
  /** High-water mark of the `UpdatedUtc` stamps (ms), so restarts keep them increasing. */
  lastUpdateMs: number;
}

/**
 * The in-memory hotel. Tests mutate it through the helpers (never the arrays directly) so that
 * the WebSocket and webhooks see every change, like they would in Mews.
 */
export class SimState extends EventEmitter<SimStateEvents> {
  enterpriseId = '';
  integrationId = '';
  adultAgeCategoryId = '';
  childAgeCategoryId = '';
  services: SimService[] = [];
  resources: SimResource[] = [];
  companies: SimCompany[] = [];
  customers: SimCustomer[] = [];
  addresses: SimAddress[] = [];
  reservations: SimReservation[] = [];
  orders: SimOrder[] = [];
  /** Every API request answered, oldest first. */
  requests: SimRequestRecord[] = [];
  private lastUpdateMs = 0;

  /**
   * `initial`: the hotel to start from (and to reset to) instead of the seeded one; it is copied,
   * never mutated. `sizes`: how big the seeded hotel is (ignored with `initial`).
   */
  constructor(
    readonly seed: number,
    private readonly nowMs: () => number = Date.now,
    private readonly initial?: SeedData,
    private readonly sizes?: HotelSizes,
  ) {
    super();
    this.load(this.initialData());
  }

  private initialData(): SeedData {
    return this.initial
      ? structuredClone(this.initial)
      : seedHotel(this.seed, this.nowMs(), this.sizes);
  }

  /**
   * Back to the initial hotel (the `initial` data, or the seeded one: same seed, same data);
   * orders and the request log are emptied.
   */
  reset(): void {
    this.load(this.initialData());
    this.requests = [];
    this.emit('change');
  }

  /** Replaces the stored data (a snapshot from {@link snapshot}, or seed data without orders). */
  load(data: SeedData & { orders?: SimOrder[]; lastUpdateMs?: number }): void {
    Object.assign(this, {
      enterpriseId: data.enterpriseId,
      integrationId: data.integrationId,
      adultAgeCategoryId: data.adultAgeCategoryId,
      childAgeCategoryId: data.childAgeCategoryId,
      services: data.services,
      resources: data.resources,
      companies: data.companies,
      customers: data.customers,
      addresses: data.addresses,
      reservations: data.reservations,
      orders: data.orders ?? [],
    });
    this.lastUpdateMs = Math.max(this.lastUpdateMs, data.lastUpdateMs ?? 0);
  }

  /** The stored data as plain JSON-ready values (shared, not copied: serialize it right away). */
  snapshot(): SimSnapshot {
    return {
      enterpriseId: this.enterpriseId,
      integrationId: this.integrationId,
      adultAgeCategoryId: this.adultAgeCategoryId,
      childAgeCategoryId: this.childAgeCategoryId,
      services: this.services,
      resources: this.resources,
      companies: this.companies,
      customers: this.customers,
      addresses: this.addresses,
      reservations: this.reservations,
      orders: this.orders,
      lastUpdateMs: this.lastUpdateMs,
    };
  }

  /** A strictly increasing UTC timestamp, so `UpdatedUtc` orders changes. */
  stamp(): string {
    const ms = Math.max(this.nowMs(), this.lastUpdateMs + 1);
    this.lastUpdateMs = ms;
    return new Date(ms).toISOString();
  }

  newId(): string {
    return randomUUID();
  }

  reservation(id: string): SimReservation | undefined {
    return this.reservations.find((r) => r.Id === id);
  }

  customer(id: string): SimCustomer | undefined {
    return this.customers.find((c) => c.Id === id);
  }

  resource(id: string): SimResource | undefined {
    return this.resources.find((r) => r.Id === id);
  }

  updateReservation(id: string, patch: Partial<Omit<SimReservation, 'Id'>>): SimReservation {
    const reservation = this.reservation(id);
    if (!reservation) throw new Error(`Reservation ${id} not found`);
    Object.assign(reservation, patch, { UpdatedUtc: this.stamp() });
    if (patch.State === 'Canceled' && !reservation.CancelledUtc) {
      reservation.CancelledUtc = reservation.UpdatedUtc;
    }
    this.emit('reservation', reservation);
    this.emit('change');
    return reservation;
  }

  setResourceState(id: string, state: ResourceState, reason?: string | null): SimResource {
    const resource = this.resource(id);
    if (!resource) throw new Error(`Resource ${id} not found`);
    resource.State = state;
    if (reason !== undefined) resource.StateReason = reason;
    resource.UpdatedUtc = this.stamp();
    this.emit('resource', resource);
    this.emit('change');
    return resource;
  }

  addCustomer(fields: Partial<SimCustomer> & { LastName: string }): SimCustomer {
    const now = this.stamp();
    const customer: SimCustomer = {
      Number: String(1000 + this.customers.length),
      Title: null,
      Sex: null,
      FirstName: null,
      Email: null,
      Phone: null,
      LanguageCode: null,
      NationalityCode: null,
      BirthDate: null,
      Notes: null,
      Classifications: [],
      Options: [],
      AddressId: null,
      CompanyId: null,
      IsActive: true,
      ...fields,
      Id: this.newId(),
      CreatedUtc: now,
      UpdatedUtc: now,
    };
    this.customers.push(customer);
    this.emit('customer', { customer, added: true });
    this.emit('change');
    return customer;
  }

  updateCustomer(id: string, patch: Partial<Omit<SimCustomer, 'Id'>>): SimCustomer {
    const customer = this.customer(id);
    if (!customer) throw new Error(`Customer ${id} not found`);
    Object.assign(customer, patch, { UpdatedUtc: this.stamp() });
    this.emit('customer', { customer, added: false });
    this.emit('change');
    return customer;
  }

  addOrder(order: SimOrder): SimOrder {
    this.orders.push(order);
    this.emit('change');
    return order;
  }

  now(): string {
    return iso(this.nowMs());
  }
}
