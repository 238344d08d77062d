-- CreateEnum
CREATE TYPE "operations"."GeofenceArrival" AS ENUM ('OFF', 'PROPOSE', 'AUTO');

-- AlterTable
ALTER TABLE "operations"."technician" ADD COLUMN     "photoUrl" TEXT;

-- AlterTable
ALTER TABLE "operations"."work_order" ADD COLUMN     "departedAt" TIMESTAMPTZ(3),
ADD COLUMN     "previousTechnicianId" UUID,
ADD COLUMN     "reassignedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "operations"."work_order_attachment" ADD COLUMN     "signedAt" TIMESTAMPTZ(3),
ADD COLUMN     "signerName" TEXT;

-- CreateTable
CREATE TABLE "operations"."idempotency_key" (
    "organizationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "userId" UUID,
    "operation" TEXT NOT NULL,
    "resultId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("organizationId","key")
);

-- CreateTable
CREATE TABLE "operations"."work_order_revision" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "fields" TEXT[],
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."tracking_settings" (
    "organizationId" UUID NOT NULL,
    "pingIntervalSeconds" INTEGER NOT NULL DEFAULT 30,
    "retentionDays" INTEGER NOT NULL DEFAULT 30,
    "geofenceRadiusM" INTEGER NOT NULL DEFAULT 150,
    "geofenceArrival" "operations"."GeofenceArrival" NOT NULL DEFAULT 'PROPOSE',
    "publicShowsPosition" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tracking_settings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "operations"."location_ping" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracyM" DOUBLE PRECISION,
    "speedMps" DOUBLE PRECISION,
    "headingDeg" DOUBLE PRECISION,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "location_ping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."technician_position" (
    "technicianId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracyM" DOUBLE PRECISION,
    "speedMps" DOUBLE PRECISION,
    "headingDeg" DOUBLE PRECISION,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "nextWorkOrderId" UUID,
    "travelSeconds" INTEGER,
    "distanceM" DOUBLE PRECISION,
    "etaAt" TIMESTAMPTZ(3),
    "insideWorkOrderId" UUID,
    "arrivalProposedForId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "technician_position_pkey" PRIMARY KEY ("technicianId")
);

-- CreateTable
CREATE TABLE "operations"."tracking_link" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "lastViewedAt" TIMESTAMPTZ(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "tracking_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idempotency_key_createdAt_idx" ON "operations"."idempotency_key"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_revision_workOrderId_version_key" ON "operations"."work_order_revision"("workOrderId", "version");

-- CreateIndex
CREATE INDEX "location_ping_organizationId_technicianId_recordedAt_idx" ON "operations"."location_ping"("organizationId", "technicianId", "recordedAt");

-- CreateIndex
CREATE INDEX "location_ping_recordedAt_idx" ON "operations"."location_ping"("recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "location_ping_technicianId_recordedAt_key" ON "operations"."location_ping"("technicianId", "recordedAt");

-- CreateIndex
CREATE INDEX "technician_position_organizationId_idx" ON "operations"."technician_position"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "tracking_link_tokenHash_key" ON "operations"."tracking_link"("tokenHash");

-- CreateIndex
CREATE INDEX "tracking_link_organizationId_workOrderId_idx" ON "operations"."tracking_link"("organizationId", "workOrderId");


-- Work order revisions: every version bump records which columns it changed (empty: only the
-- order's details), so a stale write can be merged field by field; a change of assignee keeps
-- whose job it was and when it was handed on.
CREATE OR REPLACE FUNCTION "operations"."work_order_revise"() RETURNS trigger AS $$
DECLARE
  o jsonb := to_jsonb(OLD);
  n jsonb := to_jsonb(NEW);
  c text;
  changed text[] := '{}';
BEGIN
  IF NEW."technicianId" IS DISTINCT FROM OLD."technicianId" AND OLD."technicianId" IS NOT NULL THEN
    NEW."previousTechnicianId" := OLD."technicianId";
    NEW."reassignedAt" := now();
  END IF;
  IF NEW."version" IS DISTINCT FROM OLD."version" THEN
    FOREACH c IN ARRAY ARRAY['status', 'technicianId', 'vendorId', 'teamId', 'scheduledStart',
      'scheduledEnd', 'windowStart', 'windowEnd', 'priority', 'title', 'description', 'siteId',
      'guestId', 'roomId', 'estimatedMinutes', 'slaDueAt', 'serviceTypeId', 'priceMinor',
      'currency'] LOOP
      IF o -> c IS DISTINCT FROM n -> c THEN
        changed := changed || c;
      END IF;
    END LOOP;
    INSERT INTO "operations"."work_order_revision" ("organizationId", "workOrderId", "version", "fields")
    VALUES (NEW."organizationId", NEW."id", NEW."version", changed)
    ON CONFLICT ("workOrderId", "version") DO NOTHING;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "work_order_revise" BEFORE UPDATE ON "operations"."work_order"
  FOR EACH ROW EXECUTE FUNCTION "operations"."work_order_revise"();

-- Attachments uploaded resumably live in object storage: no bytes in the row, a storage key.
ALTER TABLE "operations"."work_order_attachment" ALTER COLUMN "data" DROP NOT NULL,
ADD COLUMN "storageKey" TEXT;
