-- CreateEnum
CREATE TYPE "communications"."AlertKind" AS ENUM ('SLA_AT_RISK', 'VIP_ARRIVAL_OPEN_ORDERS', 'SYNC_FAILED', 'MESSAGE_DELIVERY_FAILED', 'LOW_COMPLETENESS_BEFORE_ARRIVAL');

-- CreateEnum
CREATE TYPE "communications"."NotificationDeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'REFUSED', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "communications"."alert" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "communications"."AlertKind",
ADD COLUMN     "nextEscalationAt" TIMESTAMPTZ(3),
ADD COLUMN     "ruleId" UUID;

-- CreateTable
CREATE TABLE "communications"."alert_rule" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "communications"."AlertKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severity" "communications"."AlertSeverity" NOT NULL,
    "recipientRoles" TEXT[],
    "recipientUserIds" UUID[],
    "ackTimeoutMinutes" INTEGER NOT NULL DEFAULT 15,
    "escalationUserIds" UUID[],
    "escalateToManagers" BOOLEAN NOT NULL DEFAULT true,
    "leadHours" INTEGER NOT NULL DEFAULT 24,
    "threshold" INTEGER NOT NULL DEFAULT 60,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."alert_check" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "communications"."AlertKind" NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."notification" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "alertId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "severity" "communications"."AlertSeverity" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "entityType" TEXT,
    "entityId" UUID,
    "level" INTEGER NOT NULL DEFAULT 0,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."notification_delivery" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "channel" "communications"."Channel" NOT NULL,
    "status" "communications"."NotificationDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "messageId" UUID,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."notification_preference" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "infoChannels" "communications"."Channel"[] DEFAULT ARRAY[]::"communications"."Channel"[],
    "warningChannels" "communications"."Channel"[] DEFAULT ARRAY[]::"communications"."Channel"[],
    "criticalChannels" "communications"."Channel"[] DEFAULT ARRAY[]::"communications"."Channel"[],
    "phone" TEXT,
    "email" TEXT,
    "quietHoursStart" INTEGER,
    "quietHoursEnd" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("organizationId","userId")
);

-- CreateTable
CREATE TABLE "communications"."staff_projection" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "roles" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_projection_pkey" PRIMARY KEY ("organizationId","userId")
);

-- CreateTable
CREATE TABLE "communications"."alert_reservation_projection" (
    "organizationId" UUID NOT NULL,
    "reservationId" UUID NOT NULL,
    "guestId" UUID,
    "guestName" TEXT,
    "roomId" UUID,
    "roomNumber" TEXT,
    "status" TEXT NOT NULL,
    "arrivalAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_reservation_projection_pkey" PRIMARY KEY ("organizationId","reservationId")
);

-- CreateTable
CREATE TABLE "communications"."alert_guest_projection" (
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "name" TEXT,
    "vip" BOOLEAN NOT NULL DEFAULT false,
    "completeness" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_guest_projection_pkey" PRIMARY KEY ("organizationId","guestId")
);

-- CreateTable
CREATE TABLE "communications"."alert_open_work_order" (
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "guestId" UUID,
    "roomId" UUID,
    "number" INTEGER,
    "title" TEXT,
    "status" TEXT NOT NULL,
    "version" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_open_work_order_pkey" PRIMARY KEY ("organizationId","workOrderId")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_rule_organizationId_kind_key" ON "communications"."alert_rule"("organizationId", "kind");

-- CreateIndex
CREATE INDEX "alert_check_doneAt_dueAt_idx" ON "communications"."alert_check"("doneAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "alert_check_organizationId_dedupeKey_key" ON "communications"."alert_check"("organizationId", "dedupeKey");

-- CreateIndex
CREATE INDEX "notification_organizationId_userId_createdAt_idx" ON "communications"."notification"("organizationId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "notification_organizationId_userId_readAt_idx" ON "communications"."notification"("organizationId", "userId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_organizationId_userId_dedupeKey_key" ON "communications"."notification"("organizationId", "userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "notification_delivery_status_createdAt_idx" ON "communications"."notification_delivery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "notification_delivery_messageId_idx" ON "communications"."notification_delivery"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_delivery_notificationId_channel_key" ON "communications"."notification_delivery"("notificationId", "channel");

-- CreateIndex
CREATE INDEX "alert_open_work_order_organizationId_guestId_idx" ON "communications"."alert_open_work_order"("organizationId", "guestId");

-- CreateIndex
CREATE INDEX "alert_open_work_order_organizationId_roomId_idx" ON "communications"."alert_open_work_order"("organizationId", "roomId");

-- CreateIndex
CREATE INDEX "alert_nextEscalationAt_idx" ON "communications"."alert"("nextEscalationAt");

-- CreateIndex
CREATE UNIQUE INDEX "alert_organizationId_dedupeKey_key" ON "communications"."alert"("organizationId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "communications"."notification_delivery" ADD CONSTRAINT "notification_delivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "communications"."notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

