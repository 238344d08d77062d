-- CreateEnum
CREATE TYPE "communications"."MessagePurpose" AS ENUM ('TRANSACTIONAL', 'MARKETING');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "communications"."MessageStatus" ADD VALUE 'REFUSED';
ALTER TYPE "communications"."MessageStatus" ADD VALUE 'SENDING';
ALTER TYPE "communications"."MessageStatus" ADD VALUE 'READ';

-- AlterTable
ALTER TABLE "communications"."message" ADD COLUMN     "conversationId" UUID,
ADD COLUMN     "encoding" TEXT,
ADD COLUMN     "errorMessage" TEXT,
ADD COLUMN     "failedAt" TIMESTAMPTZ(3),
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "purpose" "communications"."MessagePurpose" NOT NULL DEFAULT 'TRANSACTIONAL',
ADD COLUMN     "refusedReason" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMPTZ(3),
ADD COLUMN     "segments" INTEGER,
ADD COLUMN     "statusUpdatedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "communications"."consent_record" ADD COLUMN     "keyword" TEXT,
ADD COLUMN     "messageId" UUID,
ADD COLUMN     "purpose" "communications"."MessagePurpose",
ADD COLUMN     "recordedById" UUID;

-- CreateTable
CREATE TABLE "communications"."conversation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID,
    "channel" "communications"."Channel" NOT NULL,
    "contactAddress" TEXT NOT NULL,
    "businessAddress" TEXT NOT NULL,
    "lastInboundAt" TIMESTAMPTZ(3),
    "lastMessageAt" TIMESTAMPTZ(3),
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."message_status_event" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "providerId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_status_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."sms_settings" (
    "organizationId" UUID NOT NULL,
    "fromNumber" TEXT,
    "messagingServiceSid" TEXT,
    "whatsappFrom" TEXT,
    "helpText" TEXT NOT NULL DEFAULT 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.',
    "quietHoursStart" INTEGER,
    "quietHoursEnd" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "webhookToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sms_settings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "conversation_organizationId_guestId_idx" ON "communications"."conversation"("organizationId", "guestId");

-- CreateIndex
CREATE INDEX "conversation_organizationId_lastMessageAt_idx" ON "communications"."conversation"("organizationId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_organizationId_channel_contactAddress_business_key" ON "communications"."conversation"("organizationId", "channel", "contactAddress", "businessAddress");

-- CreateIndex
CREATE INDEX "message_status_event_organizationId_receivedAt_idx" ON "communications"."message_status_event"("organizationId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "message_status_event_providerId_status_key" ON "communications"."message_status_event"("providerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "sms_settings_webhookToken_key" ON "communications"."sms_settings"("webhookToken");

-- CreateIndex
CREATE UNIQUE INDEX "message_providerId_key" ON "communications"."message"("providerId");

-- CreateIndex
CREATE INDEX "message_organizationId_conversationId_createdAt_idx" ON "communications"."message"("organizationId", "conversationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "message_organizationId_idempotencyKey_key" ON "communications"."message"("organizationId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "communications"."message" ADD CONSTRAINT "message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "communications"."conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

