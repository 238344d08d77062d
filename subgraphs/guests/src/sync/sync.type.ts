import {
  ConflictStatus,
  DeadLetterStatus,
  MewsConnectionStatus,
  RoomState,
  SyncRunKind,
  SyncRunStatus,
  SyncSide,
} from '@attendant/db';
import { Connection } from '@attendant/kit';
import { IsInt, IsOptional, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(MewsConnectionStatus, {
  name: 'MewsConnectionStatus',
  description:
    'CONNECTED syncs; ERROR stopped because Mews refused the tokens; DISCONNECTED by an admin',
});
registerEnumType(SyncRunKind, { name: 'SyncRunKind' });
registerEnumType(SyncRunStatus, { name: 'SyncRunStatus' });
registerEnumType(SyncSide, { name: 'SyncSide', description: 'Which side a change came from' });
registerEnumType(DeadLetterStatus, { name: 'DeadLetterStatus' });
registerEnumType(ConflictStatus, { name: 'ConflictStatus' });

export enum ConflictChoice {
  PLATFORM = 'PLATFORM',
  MEWS = 'MEWS',
}
registerEnumType(ConflictChoice, { name: 'ConflictChoice' });

@ObjectType({ description: 'How the Mews link is doing' })
export class SyncHealth {
  @Field(() => Date, { nullable: true }) lastEventAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastPollAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Seconds since the end of the last fully polled window',
  })
  lagSeconds!: number | null;
  @Field(() => Int) openDeadLetters!: number;
  @Field(() => Int) openConflicts!: number;
  @Field(() => Int, { description: 'Guests with changes not yet in Mews (or failed)' })
  pendingGuests!: number;
}

@ObjectType({ description: "The organization's link to its Mews property" })
export class MewsConnection {
  @Field(() => ID) id!: string;
  @Field() baseUrl!: string;
  @Field(() => String, { nullable: true }) webSocketUrl!: string | null;
  @Field({ description: 'Last four characters of the access token' }) accessTokenHint!: string;
  @Field(() => String, { nullable: true }) enterpriseId!: string | null;
  @Field(() => MewsConnectionStatus) status!: MewsConnectionStatus;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastTestedAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastEventAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastPollAt!: Date | null;
  @Field(() => Date, { nullable: true }) importedAt!: Date | null;
  @Field(() => Int) pollIntervalSeconds!: number;
  @Field() currency!: string;
  @Field() createdAt!: Date;
  webhookSecretEnc!: string;
  organizationId!: string;
}

@ObjectType()
export class SyncPhaseCount {
  @Field() phase!: string;
  @Field(() => Int) done!: number;
  @Field(() => Int, { nullable: true, description: 'Known once the phase finished' })
  total!: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An import or re-sync from Mews, with its progress' })
export class SyncRun {
  @Field(() => ID) id!: string;
  @Field(() => SyncRunKind) kind!: SyncRunKind;
  @Field(() => SyncRunStatus) status!: SyncRunStatus;
  @Field(() => String, { nullable: true }) phase!: string | null;
  @Field(() => Int, { description: '0–100' }) percent!: number;
  @Field(() => Int, { description: 'Mews requests made so far' }) requestCount!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  counts!: unknown;
  organizationId!: string;
}

@ObjectType()
export class FieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'A value that lost a conflict, kept here' })
export class LosingValue {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field(() => SyncSide) side!: SyncSide;
}

@ObjectType({ description: 'One change in the sync audit log' })
export class SyncAuditEntry {
  @Field(() => ID) id!: string;
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => SyncSide) side!: SyncSide;
  @Field({ description: 'IMPORT, POLL, WEBSOCKET, WEBHOOK, MANUAL, STAFF, JOB, MANAGER, …' })
  source!: string;
  @Field() action!: string;
  @Field(() => String, { nullable: true, description: 'The Mews Request-Id' })
  requestId!: string | null;
  @Field() occurredAt!: Date;
  changes!: unknown;
  losing!: unknown;
}

@ObjectType({ description: 'A sync item that failed after its retries' })
export class SyncDeadLetter {
  @Field(() => ID) id!: string;
  @Field() operation!: string;
  @Field(() => String, { nullable: true }) entityType!: string | null;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field() error!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => Int) attempts!: number;
  @Field(() => DeadLetterStatus) status!: DeadLetterStatus;
  @Field() createdAt!: Date;
  @Field() lastAttemptAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
}

@ObjectType({ description: 'A conflict the sync rules could not settle' })
export class SyncConflict {
  @Field(() => ID) id!: string;
  @Field() entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field() field!: string;
  @Field(() => Date, { nullable: true }) platformChangedAt!: Date | null;
  @Field(() => Date, { nullable: true }) mewsChangedAt!: Date | null;
  @Field(() => ConflictStatus) status!: ConflictStatus;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field() createdAt!: Date;
  platformValue!: unknown;
  mewsValue!: unknown;
}

@ObjectType()
export class ConnectionTestResult {
  @Field() ok!: boolean;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => Int) latencyMs!: number;
}

export const SyncRunConnection = Connection(SyncRun, 'SyncRun');
export const SyncAuditConnection = Connection(SyncAuditEntry, 'SyncAuditEntry');
export const SyncDeadLetterConnection = Connection(SyncDeadLetter, 'SyncDeadLetter');
export const SyncConflictConnection = Connection(SyncConflict, 'SyncConflict');

@InputType()
export class ConnectMewsInput {
  @Field({ description: 'e.g. https://api.mews-demo.com' })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'baseUrl must be an http(s) URL' },
  )
  baseUrl!: string;
  @Field(() => String, { nullable: true, description: 'e.g. wss://ws.mews-demo.com' })
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['ws', 'wss'] },
    { message: 'webSocketUrl must be a ws(s) URL' },
  )
  webSocketUrl?: string | null;
  @Field() @Length(1, 500, { message: 'clientToken is required' }) clientToken!: string;
  @Field() @Length(1, 500, { message: 'accessToken is required' }) accessToken!: string;
  @Field(() => Int, { nullable: true, description: 'Seconds between window polls (10–3600)' })
  @IsOptional()
  @IsInt()
  @Min(10, { message: 'pollIntervalSeconds must be at least 10' })
  @Max(3600, { message: 'pollIntervalSeconds must be at most 3600' })
  pollIntervalSeconds?: number | null;
}

@InputType()
export class ResyncWindowInput {
  @Field() from!: Date;
  @Field() to!: Date;
}

@InputType()
export class SyncAuditFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) entityType?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() entityId?: string | null;
}

@InputType()
export class SetRoomStateInput {
  @Field(() => ID) roomId!: string;
  @Field(() => RoomState) state!: RoomState;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'reason must be at most 200 characters' })
  reason?: string | null;
}
