import type { ApolloServerPlugin } from '@apollo/server';
import type { Actor } from '@attendant/kit';
import {
  getNamedType,
  GraphQLError,
  isListType,
  getNullableType,
  type ValidationRule,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { GatewayContext } from './context';

export const depthRule = (max: number): ValidationRule => depthLimit(max) as ValidationRule;

/**
 * A list costs its page size (`first`, or 25 when unspecified) times what each item costs. A
 * connection is counted once: its `nodes` list is the page the connection already paid for.
 */
/**
 * Unpaged lists that stay short by nature (a job's conflicts, a lane's jobs of one day), counted
 * at a realistic size rather than the default page, so ordinary screens such as the dispatch
 * board are not refused while deep fan-outs still are.
 */
const LIST_SIZES: Readonly<Record<string, number>> = {
  'DispatchBoard.technicians': 30,
  'DispatchBoard.unassigned': 50,
  'DispatchBoard.conflicts': 25,
  'DispatchBoard.locations': 50,
  'BoardLane.jobs': 10,
  'BoardLane.timeOff': 3,
  'WorkOrder.conflicts': 3,
  'WorkOrder.allowedTransitions': 4,
  'WorkOrder.checklist': 10,
  'WorkOrder.attachments': 5,
  'WorkOrder.parts': 10,
  'WorkOrder.timeEntries': 10,
  'WorkOrder.notes': 10,
  'WorkOrder.changesSince': 5,
  'ServiceType.requiredSkills': 3,
  'ServiceType.checklist': 10,
  'Technician.skills': 5,
  'Technician.certifications': 3,
  'Technician.workDays': 7,
  'Vendor.offers': 10,
  'Vendor.availability': 14,
  'VendorQuality.factors': 3,
  'AssignmentCandidate.factors': 5,
  'SlaPolicy.businessHours': 7,
  'SlaPolicy.holidays': 10,
};

const listEstimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  if (field.name === 'nodes' && parent.name.endsWith('Connection')) return 1 + childComplexity;
  if (!isListType(type) && !isConnection) return undefined;
  const size =
    typeof args['first'] === 'number'
      ? args['first']
      : (LIST_SIZES[`${parent.name}.${field.name}`] ?? 25);
  return 1 + size * Math.max(childComplexity, 1);
};

/**
 * Refuses an operation whose estimated cost is above the limit, before any subgraph is called.
 * The cost of a (query, variables, operation) is remembered, so repeated operations are free.
 */
export function costLimitPlugin(max: number): ApolloServerPlugin<GatewayContext> {
  const costs = new LRUCache<string, number>({ max: 5000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}\n${request.query ?? ''}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            costs.set(key, cost);
          }
          if (cost > max) {
            throw new GraphQLError(
              `This query is too expensive (cost ${cost}, limit ${max}); ask for fewer items or fields`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: max, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/*
 * Rate limits per actor: a signed-in user or API key by id, anonymous callers by IP with a much
 * smaller allowance (they can only log in). With Redis the counters are shared by all gateway
 * replicas; without it each replica counts for itself.
 */
export class RateLimits {
  private readonly known: RateLimiterAbstract;
  private readonly anonymous: RateLimiterAbstract;

  constructor(perMinute: number, redis?: Redis, trackingPagePerMinute = 60) {
    const make = (points: number, keyPrefix: string) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            points,
            duration: 60,
            keyPrefix,
            useRedisPackage: false,
          })
        : new RateLimiterMemory({ points, duration: 60, keyPrefix });
    this.known = make(perMinute, 'rl:actor');
    this.anonymous = make(Math.max(10, Math.floor(perMinute / 20)), 'rl:anon');
    this.webhooks = make(Math.max(600, perMinute), 'rl:hook');
    this.trackingPages = make(trackingPagePerMinute, 'rl:track');
  }

  private readonly webhooks: RateLimiterAbstract;
  private readonly trackingPages: RateLimiterAbstract;

  /**
   * Loads of one tracking page, counted per link (by the token's hash, so no live token sits
   * in Redis): a leaked link cannot be hammered from many addresses, whatever the per-IP limit.
   */
  async consumeTrackingPage(tokenHash: string): Promise<number | null> {
    try {
      await this.trackingPages.consume(tokenHash);
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.ceil(res.msBeforeNext / 1000);
      throw res;
    }
  }

  /** Public webhook deliveries, counted per sender address. */
  async consumeWebhook(ip: string): Promise<number | null> {
    try {
      await this.webhooks.consume(ip);
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.ceil(res.msBeforeNext / 1000);
      throw res;
    }
  }

  /** Resolves with null when allowed, or the seconds to wait. */
  async consume(actor: Actor, ip: string): Promise<number | null> {
    const id = actor.userId ?? actor.apiKeyId;
    try {
      await (id ? this.known.consume(id) : this.anonymous.consume(ip));
      return null;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.ceil(res.msBeforeNext / 1000);
      throw res;
    }
  }
}
