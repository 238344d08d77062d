import { loader, toConnection, type SubgraphContext } from '@attendant/kit';
import { ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { DeadLetterStatus, ConflictStatus } from '@attendant/db';
import { Guest } from '../guest/guest.type';
import { Reservation } from '../reservation/reservation.type';
import { Room } from '../room/room.type';
import type { SyncService } from './sync.service';
import {
  ConflictChoice,
  ConnectionTestResult,
  ConnectMewsInput,
  FieldChange,
  LosingValue,
  MewsConnection,
  ResyncWindowInput,
  SetRoomStateInput,
  SyncAuditConnection,
  SyncAuditEntry,
  SyncAuditFilter,
  SyncConflict,
  SyncConflictConnection,
  SyncDeadLetter,
  SyncDeadLetterConnection,
  SyncHealth,
  SyncPhaseCount,
  SyncRun,
  SyncRunConnection,
} from './sync.type';

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–100 (default 25)' })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

@ArgsType()
class AuditArgs extends PageArgs {
  @Field(() => SyncAuditFilter, { nullable: true }) @ValidateNested() filter?: SyncAuditFilter;
}

@ArgsType()
class DeadLetterArgs extends PageArgs {
  @Field(() => DeadLetterStatus, { nullable: true }) status?: DeadLetterStatus;
}

@ArgsType()
class ConflictArgs extends PageArgs {
  @Field(() => ConflictStatus, { nullable: true }) status?: ConflictStatus;
}

/** Renders a stored value (string, list, date, null) for display. */
const show = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

@Resolver(() => MewsConnection)
export class MewsConnectionResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Query(() => MewsConnection, {
    nullable: true,
    description: "The organization's Mews connection, or null before one is made",
  })
  mewsConnection(@Ctx() ctx: SubgraphContext) {
    return this.sync.connection(ctx.actor);
  }

  @Authorized()
  @Mutation(() => MewsConnection, {
    description: 'Tests the tokens, stores them encrypted and starts the first import',
  })
  connectMews(@Arg('input') input: ConnectMewsInput, @Ctx() ctx: SubgraphContext) {
    return this.sync.connect(ctx.actor, input);
  }

  @Authorized()
  @Mutation(() => ConnectionTestResult, { description: 'Calls Mews with the stored tokens' })
  testMewsConnection(@Ctx() ctx: SubgraphContext) {
    return this.sync.test(ctx.actor);
  }

  @Authorized()
  @Mutation(() => MewsConnection, { nullable: true, description: 'Stops syncing with Mews' })
  disconnectMews(@Ctx() ctx: SubgraphContext) {
    return this.sync.disconnect(ctx.actor);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where Mews sends general webhooks (contains the secret; admins only)',
  })
  webhookUrl(@Root() connection: MewsConnection, @Ctx() ctx: SubgraphContext) {
    return this.sync.webhookUrl(ctx.actor, connection as never);
  }

  @FieldResolver(() => SyncHealth)
  health(@Ctx() ctx: SubgraphContext) {
    return this.sync.health(ctx.actor);
  }

  @FieldResolver(() => SyncRun, { nullable: true, description: 'The latest import or re-sync' })
  latestRun(@Ctx() ctx: SubgraphContext) {
    return this.sync.currentRun(ctx.actor);
  }
}

@Resolver(() => SyncRun)
export class SyncRunResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Query(() => SyncRun)
  syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sync.run(ctx.actor, id);
  }

  @Authorized()
  @Query(() => SyncRunConnection, { description: 'Imports and re-syncs, newest first' })
  async syncRuns(@Args() args: PageArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.sync.runs(ctx.actor, args));
  }

  @Authorized()
  @Mutation(() => SyncRun, { description: 'Imports everything from Mews again (resumable)' })
  startMewsImport(@Ctx() ctx: SubgraphContext) {
    return this.sync.startImport(ctx.actor);
  }

  @Authorized()
  @Mutation(() => SyncRun, { description: 'Re-reads everything Mews changed in a time window' })
  resyncMewsWindow(@Arg('input') input: ResyncWindowInput, @Ctx() ctx: SubgraphContext) {
    return this.sync.resyncWindow(ctx.actor, input.from, input.to);
  }

  @FieldResolver(() => [SyncPhaseCount])
  counts(@Root() run: SyncRun) {
    const counts = (run.counts ?? {}) as Record<string, { done: number; total: number | null }>;
    return Object.entries(counts).map(([phase, c]) => ({ phase, done: c.done, total: c.total }));
  }
}

@Resolver(() => SyncAuditEntry)
export class SyncAuditResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Query(() => SyncAuditConnection, { description: 'What the sync changed, newest first' })
  async syncAudit(@Args() args: AuditArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.sync.audit(ctx.actor, { ...args, ...args.filter }));
  }

  @FieldResolver(() => [FieldChange])
  changes(@Root() entry: SyncAuditEntry) {
    return ((entry.changes ?? []) as { field: string; from?: unknown; to?: unknown }[]).map(
      (c) => ({ field: c.field, from: show(c.from), to: show(c.to) }),
    );
  }

  @FieldResolver(() => [LosingValue])
  losing(@Root() entry: SyncAuditEntry) {
    return ((entry.losing ?? []) as { field: string; value: unknown; side: string }[]).map((l) => ({
      field: l.field,
      value: show(l.value),
      side: l.side,
    }));
  }
}

@Resolver(() => SyncDeadLetter)
export class SyncDeadLetterResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Query(() => SyncDeadLetterConnection, { description: 'Sync items that failed, newest first' })
  async syncDeadLetters(@Args() args: DeadLetterArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.sync.deadLetters(ctx.actor, args));
  }

  @Authorized()
  @Mutation(() => SyncDeadLetter, { description: 'Queues a failed item again' })
  retrySyncDeadLetter(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sync.retryDeadLetter(ctx.actor, id);
  }
}

@Resolver(() => SyncConflict)
export class SyncConflictResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Query(() => SyncConflictConnection, { description: 'Conflicts waiting for a manager' })
  async syncConflicts(@Args() args: ConflictArgs, @Ctx() ctx: SubgraphContext) {
    return toConnection(await this.sync.conflicts(ctx.actor, args));
  }

  @Authorized()
  @Mutation(() => SyncConflict, { description: 'Keeps one side of a conflict' })
  resolveSyncConflict(
    @Arg('id', () => ID) id: string,
    @Arg('keep', () => ConflictChoice) keep: ConflictChoice,
    @Ctx() ctx: SubgraphContext,
  ) {
    return this.sync.resolveConflict(ctx.actor, id, keep);
  }

  @FieldResolver(() => String, { nullable: true })
  platformValue(@Root() conflict: SyncConflict) {
    return show(conflict.platformValue);
  }

  @FieldResolver(() => String, { nullable: true })
  mewsValue(@Root() conflict: SyncConflict) {
    return show(conflict.mewsValue);
  }
}

@Resolver()
export class ResyncResolver {
  constructor(private readonly sync: SyncService) {}

  @Authorized()
  @Mutation(() => Guest, { description: 'Reads this guest from Mews now and sends pending edits' })
  resyncGuest(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sync.resyncGuest(ctx.actor, id);
  }

  @Authorized()
  @Mutation(() => Reservation, { description: 'Reads this reservation from Mews now' })
  resyncReservation(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return this.sync.resyncReservation(ctx.actor, id);
  }

  @Authorized()
  @Mutation(() => Room, { description: "Sets a room's housekeeping state; it is sent to Mews" })
  setRoomState(@Arg('input') input: SetRoomStateInput, @Ctx() ctx: SubgraphContext) {
    return this.sync.setRoomState(ctx.actor, input.roomId, input.state, input.reason ?? null);
  }
}

/** SyncRun references for the gateway's subscription queries. */
export const syncRunReference = (sync: SyncService) => ({
  __resolveReference(ref: { id: string }, ctx: SubgraphContext) {
    return loader(ctx, 'SyncRun', (ids) => sync.runsByIds(ctx.actor, ids)).load(ref.id);
  },
});
