-- CreateEnum
CREATE TYPE "guests"."SyncItemStatus" AS ENUM ('SYNCED', 'PENDING', 'FAILED', 'CONFLICT');

-- CreateEnum
CREATE TYPE "guests"."MewsConnectionStatus" AS ENUM ('CONNECTED', 'ERROR', 'DISCONNECTED');

-- CreateEnum
CREATE TYPE "guests"."SyncRunKind" AS ENUM ('IMPORT', 'WINDOW', 'RESYNC');

-- CreateEnum
CREATE TYPE "guests"."SyncRunStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "guests"."SyncSide" AS ENUM ('MEWS', 'PLATFORM', 'RULE');

-- CreateEnum
CREATE TYPE "guests"."DeadLetterStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "guests"."ConflictStatus" AS ENUM ('OPEN', 'RESOLVED');

-- AlterTable
ALTER TABLE "guests"."guest" ADD COLUMN     "addressLine1" TEXT,
ADD COLUMN     "city" TEXT,
ADD COLUMN     "classifications" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "completeness" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "completenessGaps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "countryCode" CHAR(2),
ADD COLUMN     "fieldChangedAt" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "lastSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mewsEchoAt" TIMESTAMPTZ(3),
ADD COLUMN     "mewsUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "postalCode" TEXT,
ADD COLUMN     "preferences" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "stayCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "syncStatus" "guests"."SyncItemStatus",
ADD COLUMN     "title" TEXT,
ADD COLUMN     "totalSpendMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "validationErrors" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "vipManual" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vipReason" TEXT;

-- AlterTable
ALTER TABLE "guests"."room" ADD COLUMN     "mewsUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "stateChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "stateReason" TEXT,
ADD COLUMN     "syncStatus" "guests"."SyncItemStatus";

-- AlterTable
ALTER TABLE "guests"."reservation" ADD COLUMN     "etaAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mewsState" TEXT,
ADD COLUMN     "mewsUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncStatus" "guests"."SyncItemStatus";

-- CreateTable
CREATE TABLE "guests"."mews_connection" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "webSocketUrl" TEXT,
    "clientTokenEnc" TEXT NOT NULL,
    "accessTokenEnc" TEXT NOT NULL,
    "accessTokenHint" TEXT NOT NULL,
    "webhookSecretHash" TEXT NOT NULL,
    "webhookSecretEnc" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "bookableServiceId" TEXT,
    "chargeServiceId" TEXT,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "status" "guests"."MewsConnectionStatus" NOT NULL DEFAULT 'CONNECTED',
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "lastTestedAt" TIMESTAMPTZ(3),
    "lastEventAt" TIMESTAMPTZ(3),
    "lastPollAt" TIMESTAMPTZ(3),
    "pollWatermark" TIMESTAMPTZ(3),
    "pollIntervalSeconds" INTEGER NOT NULL DEFAULT 60,
    "importedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mews_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."sync_run" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "guests"."SyncRunKind" NOT NULL,
    "status" "guests"."SyncRunStatus" NOT NULL DEFAULT 'RUNNING',
    "scope" JSONB NOT NULL DEFAULT '{}',
    "phase" TEXT,
    "cursor" JSONB NOT NULL DEFAULT '{}',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "percent" INTEGER NOT NULL DEFAULT 0,
    "requestCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."sync_audit" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "externalId" TEXT,
    "side" "guests"."SyncSide" NOT NULL,
    "source" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "losing" JSONB NOT NULL DEFAULT '[]',
    "requestId" TEXT,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."sync_conflict" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "platformValue" JSONB,
    "mewsValue" JSONB,
    "platformChangedAt" TIMESTAMPTZ(3),
    "mewsChangedAt" TIMESTAMPTZ(3),
    "status" "guests"."ConflictStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."sync_dead_letter" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "requestId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "status" "guests"."DeadLetterStatus" NOT NULL DEFAULT 'OPEN',
    "lastAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_dead_letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."pms_charge" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "reservationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "externalIdentifier" TEXT NOT NULL,
    "mewsOrderId" TEXT,
    "requestId" TEXT,
    "postedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pms_charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."service_order_projection" (
    "workOrderId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "reservationId" UUID,
    "roomId" UUID,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_order_projection_pkey" PRIMARY KEY ("workOrderId")
);

-- CreateTable
CREATE TABLE "guests"."guest_rule_settings" (
    "organizationId" UUID NOT NULL,
    "completeness" JSONB NOT NULL,
    "validation" JSONB NOT NULL,
    "enrichment" JSONB NOT NULL,
    "vip" JSONB NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guest_rule_settings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "guests"."guest_score_history" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guest_score_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."mews_rate_slot" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mews_rate_slot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mews_connection_organizationId_key" ON "guests"."mews_connection"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "mews_connection_webhookSecretHash_key" ON "guests"."mews_connection"("webhookSecretHash");

-- CreateIndex
CREATE INDEX "sync_run_organizationId_startedAt_idx" ON "guests"."sync_run"("organizationId", "startedAt");

-- CreateIndex
CREATE INDEX "sync_audit_organizationId_entityType_entityId_occurredAt_idx" ON "guests"."sync_audit"("organizationId", "entityType", "entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "sync_audit_organizationId_occurredAt_idx" ON "guests"."sync_audit"("organizationId", "occurredAt");

-- CreateIndex
CREATE INDEX "sync_conflict_organizationId_status_createdAt_idx" ON "guests"."sync_conflict"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "sync_conflict_organizationId_entityType_entityId_idx" ON "guests"."sync_conflict"("organizationId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "sync_dead_letter_organizationId_status_createdAt_idx" ON "guests"."sync_dead_letter"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "pms_charge_organizationId_workOrderId_key" ON "guests"."pms_charge"("organizationId", "workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "pms_charge_organizationId_externalIdentifier_key" ON "guests"."pms_charge"("organizationId", "externalIdentifier");

-- CreateIndex
CREATE INDEX "service_order_projection_organizationId_reservationId_idx" ON "guests"."service_order_projection"("organizationId", "reservationId");

-- CreateIndex
CREATE INDEX "service_order_projection_organizationId_roomId_idx" ON "guests"."service_order_projection"("organizationId", "roomId");

-- CreateIndex
CREATE INDEX "guest_score_history_organizationId_guestId_recordedAt_idx" ON "guests"."guest_score_history"("organizationId", "guestId", "recordedAt");

-- CreateIndex
CREATE INDEX "mews_rate_slot_key_at_idx" ON "guests"."mews_rate_slot"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "room_organizationId_externalId_key" ON "guests"."room"("organizationId", "externalId");

