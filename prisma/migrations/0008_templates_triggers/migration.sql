-- CreateEnum
CREATE TYPE "communications"."TriggerEvent" AS ENUM ('BOOKING_CONFIRMED', 'REMINDER_DAY_BEFORE', 'TECHNICIAN_ASSIGNED', 'ON_MY_WAY', 'ARRIVED', 'JOB_COMPLETED', 'INVOICE_SENT', 'PAYMENT_RECEIVED', 'PAYMENT_OVERDUE', 'RESERVATION_CONFIRMED', 'PRE_ARRIVAL', 'CHECK_IN_READY', 'FEEDBACK_REQUEST');

-- CreateEnum
CREATE TYPE "communications"."TriggerFiringStatus" AS ENUM ('PLANNED', 'FIRING', 'SENT', 'REFUSED', 'SKIPPED', 'CANCELLED', 'FAILED');

-- AlterTable
ALTER TABLE "communications"."template" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "purpose" "communications"."MessagePurpose" NOT NULL DEFAULT 'TRANSACTIONAL',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "communications"."sms_settings" ADD COLUMN     "defaultLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "senderName" TEXT;

-- CreateTable
CREATE TABLE "communications"."trigger" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "event" "communications"."TriggerEvent" NOT NULL,
    "channel" "communications"."Channel" NOT NULL,
    "templateId" UUID NOT NULL,
    "offsetMinutes" INTEGER NOT NULL DEFAULT 0,
    "conditions" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trigger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."trigger_firing" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "triggerId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "guestId" UUID,
    "context" JSONB NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "status" "communications"."TriggerFiringStatus" NOT NULL DEFAULT 'PLANNED',
    "reason" TEXT,
    "messageId" UUID,
    "templateVersion" INTEGER,
    "firedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trigger_firing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."contact_projection" (
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "vip" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contact_projection_pkey" PRIMARY KEY ("entityType","entityId")
);

-- CreateIndex
CREATE INDEX "trigger_organizationId_event_enabled_idx" ON "communications"."trigger"("organizationId", "event", "enabled");

-- CreateIndex
CREATE INDEX "trigger_firing_status_scheduledFor_idx" ON "communications"."trigger_firing"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "trigger_firing_organizationId_entityType_entityId_idx" ON "communications"."trigger_firing"("organizationId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "trigger_firing_triggerId_dedupeKey_key" ON "communications"."trigger_firing"("triggerId", "dedupeKey");

-- CreateIndex
CREATE INDEX "contact_projection_organizationId_idx" ON "communications"."contact_projection"("organizationId");

-- AddForeignKey
ALTER TABLE "communications"."trigger" ADD CONSTRAINT "trigger_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "communications"."template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "communications"."trigger_firing" ADD CONSTRAINT "trigger_firing_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "communications"."trigger"("id") ON DELETE CASCADE ON UPDATE CASCADE;

