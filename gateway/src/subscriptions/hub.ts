import type { Actor, DomainEvent, EventBus, Logger } from '@attendant/kit';
import {
  GraphQLError,
  Kind,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { AsyncQueue } from './queue';
import { SUBSCRIPTION_FIELDS, type SubscriptionField } from './fields';

export type Execute = (
  query: string,
  variables: Record<string, unknown>,
  actor: Actor,
) => Promise<{ data?: Record<string, unknown> | null }>;

interface Subscriber {
  actor: Actor;
  field: SubscriptionField;
  responseKey: string;
  filter: Record<string, unknown> | undefined;
  query: string;
  /** The selection as a query for many entities at once: `(count) => query` with $e0…$eN. */
  batchQuery: (count: number) => string;
  variables: Record<string, unknown>;
  shareKey: string;
  queue: AsyncQueue<ExecutionResult>;
  chain: Promise<void>;
}

const ENTITY_ID_VAR = '__entityId';

/** Entities resolved by one coalesced query at most. */
const MAX_BATCH = 50;

/** Events of one share key waiting to be resolved together (see `coalesceMs`). */
interface Batch {
  sub: Subscriber;
  /** Per entity: the subscribers its latest event matched. */
  entities: Map<string, Set<Subscriber>>;
}

/*
 * Delivers domain events to graphql-ws subscribers. Each subscription's selection set becomes a
 * query on the entity's by-id root field, executed through this gateway as the subscriber, so
 * fields of every subgraph arrive in one message and every subgraph checks the subscriber's
 * access again. Subscribers with the same selection, variables and identity scope share one
 * execution per event. Events of another organization are never considered.
 */
export class SubscriptionHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly inflight = new Map<string, ReturnType<Execute>>();
  private readonly batches = new Map<string, Batch>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly execute: Execute,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe((event) => this.dispatch(event));
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Validates a subscription operation for an actor; returns an error to send, or null. */
  static check(
    document: DocumentNode,
    operationName: string | null | undefined,
    actor: Actor,
  ): GraphQLError | null {
    const op = findOperation(document, operationName);
    if (!op || op.operation !== 'subscription')
      return new GraphQLError(
        'Only subscriptions are served over WebSocket; send queries and mutations over HTTP',
      );
    const fields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    if (fields.length !== 1 || op.selectionSet.selections.length !== 1)
      return new GraphQLError('Subscribe to exactly one field per operation');
    const field = SUBSCRIPTION_FIELDS[fields[0]!.name.value];
    if (!field) return new GraphQLError(`Unknown subscription ${fields[0]!.name.value}`);
    if (!field.roles.some((r) => actor.roles.includes(r))) {
      return new GraphQLError(
        `This subscription needs one of the roles ${field.roles.join(', ')}`,
        { extensions: { code: 'FORBIDDEN' } },
      );
    }
    return null;
  }

  subscribe(args: ExecutionArgs, actor: Actor): AsyncIterableIterator<ExecutionResult> {
    const op = findOperation(args.document, args.operationName)!;
    const fieldNode = op.selectionSet.selections[0] as FieldNode;
    const field = SUBSCRIPTION_FIELDS[fieldNode.name.value]!;
    const schemaField = args.schema.getSubscriptionType()!.getFields()[fieldNode.name.value]!;
    const argValues = getArgumentValues(
      schemaField,
      fieldNode,
      (args.variableValues ?? {}) as Record<string, unknown>,
    );
    // Only the variables the selection uses: the filter's are matched here, not queried, so
    // subscribers with different filters still share one query per event.
    const given = (args.variableValues ?? {}) as Record<string, unknown>;
    const variables = Object.fromEntries(
      selectionParts(args.document, op, fieldNode)
        .usedNames.filter((name) => name in given)
        .map((name) => [name, given[name]]),
    );
    const query = entityQuery(args.document, op, fieldNode, field.queryField);
    const batchQuery = (count: number) =>
      entitiesQuery(args.document, op, fieldNode, field.queryField, count);
    const scope =
      field.personal || actor.roles.every((r) => r === 'TECHNICIAN') ? actor.userId : '';
    const sub: Subscriber = {
      actor,
      field,
      responseKey: fieldNode.alias?.value ?? fieldNode.name.value,
      filter: argValues['filter'] as Record<string, unknown> | undefined,
      query,
      batchQuery,
      variables,
      shareKey: `${query}\n${JSON.stringify(variables)}\n${actor.organizationId}|${[...actor.roles].sort().join(',')}|${scope}`,
      queue: new AsyncQueue<ExecutionResult>(() => this.subscribers.delete(sub)),
      chain: Promise.resolve(),
    };
    this.subscribers.add(sub);
    return sub.queue;
  }

  dispatch(event: DomainEvent): void {
    for (const sub of this.subscribers) {
      if (sub.field.entityType !== event.entityType) continue;
      if (sub.actor.organizationId !== event.organizationId) continue;
      if (sub.field.personal && (!sub.actor.userId || event.payload['userId'] !== sub.actor.userId))
        continue;
      if (!sub.field.matches(sub.filter, event)) continue;
      if (sub.field.coalesceMs) {
        this.coalesce(sub, event, sub.field.coalesceMs);
        continue;
      }
      const result = this.resolve(sub, event);
      // Per subscriber, deliveries keep event order even when executions finish out of order.
      sub.chain = sub.chain.then(async () => {
        const r = await result;
        const entity = r.data?.[sub.field.queryField];
        if (entity == null) return; // not visible to this subscriber (or gone)
        sub.queue.push({ data: { [sub.responseKey]: entity } });
      });
    }
  }

  /**
   * Queues a superseding event; the first one of a share key starts a timer, and when it fires
   * one query resolves the current state of every entity seen meanwhile.
   */
  private coalesce(sub: Subscriber, event: DomainEvent, ms: number): void {
    let batch = this.batches.get(sub.shareKey);
    if (!batch) {
      const created: Batch = { sub, entities: new Map() };
      batch = created;
      this.batches.set(sub.shareKey, created);
      setTimeout(() => this.flush(sub.shareKey, created), ms).unref();
    }
    const waiting = batch.entities.get(event.entityId) ?? new Set<Subscriber>();
    waiting.add(sub);
    batch.entities.set(event.entityId, waiting);
  }

  private flush(shareKey: string, batch: Batch): void {
    this.batches.delete(shareKey);
    const ids = [...batch.entities.keys()];
    // Chunks keep each query well inside the gateway's cost limit.
    for (let start = 0; start < ids.length; start += MAX_BATCH) {
      this.resolveBatch(batch, ids.slice(start, start + MAX_BATCH));
    }
  }

  private resolveBatch(batch: Batch, ids: string[]): void {
    const variables: Record<string, unknown> = { ...batch.sub.variables };
    ids.forEach((id, i) => (variables[`e${i}`] = id));
    const result = this.execute(batch.sub.batchQuery(ids.length), variables, batch.sub.actor).catch(
      (err: unknown) => {
        this.logger.error({ err, entities: ids.length }, 'subscription resolution failed');
        return { data: null };
      },
    );
    ids.forEach((id, i) => {
      for (const sub of batch.entities.get(id) ?? []) {
        if (!this.subscribers.has(sub)) continue;
        sub.chain = sub.chain.then(async () => {
          const entity = (await result).data?.[`e${i}`];
          if (entity != null) sub.queue.push({ data: { [sub.responseKey]: entity } });
        });
      }
    });
  }

  private resolve(sub: Subscriber, event: DomainEvent): ReturnType<Execute> {
    const key = `${event.id}\n${sub.shareKey}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.execute(sub.query, { ...sub.variables, [ENTITY_ID_VAR]: event.entityId }, sub.actor)
        .catch((err: unknown) => {
          this.logger.error({ err, eventId: event.id }, 'subscription resolution failed');
          return { data: null };
        })
        .finally(() => setImmediate(() => this.inflight.delete(key)));
      this.inflight.set(key, p);
    }
    return p;
  }

  async stop(): Promise<void> {
    for (const sub of [...this.subscribers]) await sub.queue.return();
    await this.unsubscribe?.();
  }
}

function findOperation(
  document: DocumentNode,
  name: string | null | undefined,
): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
}

/** A subscription's selection, its fragments and the variable definitions they use. */
function selectionParts(document: DocumentNode, op: OperationDefinitionNode, field: FieldNode) {
  const fragments = document.definitions
    .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((f) => print(f));
  const selection = field.selectionSet ? print(field.selectionSet) : '';
  const body = [selection, ...fragments].join('\n');
  const usedDefs = (op.variableDefinitions ?? []).filter((v) =>
    new RegExp(`\\$${v.variable.name.value}\\b`).test(body),
  );
  return {
    selection,
    fragments: fragments.join('\n'),
    used: usedDefs.map((v) => print(v)),
    usedNames: usedDefs.map((v) => v.variable.name.value),
  };
}

/** `query ($__entityId: ID!, …used variables) { <queryField>(id: $__entityId) <selection> } …fragments` */
function entityQuery(
  document: DocumentNode,
  op: OperationDefinitionNode,
  field: FieldNode,
  queryField: string,
): string {
  const { selection, fragments, used } = selectionParts(document, op, field);
  const varDefs = [`$${ENTITY_ID_VAR}: ID!`, ...used].join(', ');
  return `query (${varDefs}) { ${queryField}(id: $${ENTITY_ID_VAR}) ${selection} }\n${fragments}`;
}

/** `query ($e0: ID!, …, …used variables) { e0: <queryField>(id: $e0) <selection> e1: … } …fragments` */
function entitiesQuery(
  document: DocumentNode,
  op: OperationDefinitionNode,
  field: FieldNode,
  queryField: string,
  count: number,
): string {
  const { selection, fragments, used } = selectionParts(document, op, field);
  const ids = Array.from({ length: count }, (_, i) => `$e${i}: ID!`);
  const roots = Array.from(
    { length: count },
    (_, i) => `e${i}: ${queryField}(id: $e${i}) ${selection}`,
  ).join('\n');
  return `query (${[...ids, ...used].join(', ')}) { ${roots} }\n${fragments}`;
}
