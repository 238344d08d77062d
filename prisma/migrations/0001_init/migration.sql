-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "analytics";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "communications";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "finance";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "guests";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "operations";

-- CreateEnum
CREATE TYPE "analytics"."Trend" AS ENUM ('UP', 'FLAT', 'DOWN');

-- CreateEnum
CREATE TYPE "communications"."Channel" AS ENUM ('SMS', 'EMAIL', 'WHATSAPP', 'IN_APP');

-- CreateEnum
CREATE TYPE "communications"."MessageDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- CreateEnum
CREATE TYPE "communications"."MessageStatus" AS ENUM ('DRAFT', 'QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'RECEIVED');

-- CreateEnum
CREATE TYPE "communications"."ConsentStatus" AS ENUM ('OPTED_IN', 'OPTED_OUT');

-- CreateEnum
CREATE TYPE "communications"."AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "finance"."InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "finance"."PaymentMethod" AS ENUM ('CARD', 'CASH', 'BANK_TRANSFER', 'PMS_FOLIO');

-- CreateEnum
CREATE TYPE "finance"."PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "guests"."GuestKind" AS ENUM ('HOTEL_GUEST', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "guests"."RoomState" AS ENUM ('CLEAN', 'DIRTY', 'INSPECTED', 'OUT_OF_SERVICE', 'OUT_OF_ORDER');

-- CreateEnum
CREATE TYPE "guests"."ReservationStatus" AS ENUM ('INQUIRED', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT', 'CANCELLED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "operations"."OrganizationKind" AS ENUM ('HOTEL', 'FIELD_SERVICE');

-- CreateEnum
CREATE TYPE "operations"."Role" AS ENUM ('ADMIN', 'MANAGER', 'DISPATCHER', 'TECHNICIAN', 'ANALYST', 'INTEGRATOR');

-- CreateEnum
CREATE TYPE "operations"."WorkOrderStatus" AS ENUM ('NEW', 'SCHEDULED', 'DISPATCHED', 'EN_ROUTE', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "operations"."WorkOrderPriority" AS ENUM ('EMERGENCY', 'HIGH', 'NORMAL', 'LOW');

-- CreateEnum
CREATE TYPE "operations"."WorkOrderKind" AS ENUM ('HOTEL_SERVICE', 'FIELD_JOB');

-- CreateTable
CREATE TABLE "analytics"."metric_snapshot" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "subjectId" UUID,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "capturedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics"."health_score" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "trend" "analytics"."Trend" NOT NULL DEFAULT 'FLAT',
    "factors" JSONB NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics"."work_order_fact" (
    "workOrderId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "technicianId" UUID,
    "status" TEXT NOT NULL,
    "scheduledStart" TIMESTAMPTZ(3),
    "estimatedMinutes" INTEGER NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_order_fact_pkey" PRIMARY KEY ("workOrderId")
);

-- CreateTable
CREATE TABLE "analytics"."outbox" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics"."processed_event" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "communications"."message" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID,
    "workOrderId" UUID,
    "channel" "communications"."Channel" NOT NULL,
    "direction" "communications"."MessageDirection" NOT NULL,
    "status" "communications"."MessageStatus" NOT NULL,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "templateId" UUID,
    "providerId" TEXT,
    "errorCode" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."template" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "communications"."Channel" NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."consent_record" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID,
    "channel" "communications"."Channel" NOT NULL,
    "address" TEXT NOT NULL,
    "status" "communications"."ConsentStatus" NOT NULL,
    "source" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."alert" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "severity" "communications"."AlertSeverity" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "entityType" TEXT,
    "entityId" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."outbox" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."processed_event" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "finance"."invoice" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "status" "finance"."InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "guestId" UUID,
    "workOrderId" UUID,
    "currency" CHAR(3) NOT NULL,
    "subtotalMinor" INTEGER NOT NULL DEFAULT 0,
    "taxMinor" INTEGER NOT NULL DEFAULT 0,
    "totalMinor" INTEGER NOT NULL DEFAULT 0,
    "paidMinor" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT,
    "issuedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "sourceEventId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finance"."invoice_line" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unitPriceMinor" INTEGER NOT NULL,
    "taxRateBps" INTEGER NOT NULL DEFAULT 0,
    "netMinor" INTEGER NOT NULL,
    "taxMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finance"."payment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "method" "finance"."PaymentMethod" NOT NULL,
    "status" "finance"."PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "receivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finance"."outbox" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finance"."processed_event" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "finance"."invoice_counter" (
    "organizationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateTable
CREATE TABLE "guests"."guest" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "guests"."GuestKind" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "language" TEXT,
    "nationality" CHAR(2),
    "birthDate" DATE,
    "vip" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "companyId" UUID,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."company" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "taxId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."site" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "postalCode" TEXT,
    "country" CHAR(2) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accessNotes" TEXT,
    "guestId" UUID,
    "companyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."room" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "roomType" TEXT NOT NULL,
    "state" "guests"."RoomState" NOT NULL DEFAULT 'CLEAN',
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."reservation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "confirmationCode" TEXT NOT NULL,
    "status" "guests"."ReservationStatus" NOT NULL,
    "guestId" UUID NOT NULL,
    "roomId" UUID,
    "arrivalAt" TIMESTAMPTZ(3) NOT NULL,
    "departureAt" TIMESTAMPTZ(3) NOT NULL,
    "adults" INTEGER NOT NULL DEFAULT 1,
    "children" INTEGER NOT NULL DEFAULT 0,
    "channel" TEXT,
    "totalMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "notes" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."outbox" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guests"."processed_event" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "operations"."organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "operations"."OrganizationKind" NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."user" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "operations"."Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."refresh_token" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."api_key" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."skill" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."technician" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "homeAddress" TEXT,
    "homeLat" DOUBLE PRECISION,
    "homeLng" DOUBLE PRECISION,
    "vehicle" TEXT,
    "shiftStartMin" INTEGER NOT NULL DEFAULT 480,
    "shiftEndMin" INTEGER NOT NULL DEFAULT 1020,
    "maxJobsPerDay" INTEGER NOT NULL DEFAULT 8,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "technician_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."technician_skill" (
    "technicianId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "technician_skill_pkey" PRIMARY KEY ("technicianId","skillId")
);

-- CreateTable
CREATE TABLE "operations"."work_order" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "operations"."WorkOrderKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "operations"."WorkOrderStatus" NOT NULL DEFAULT 'NEW',
    "statusReason" TEXT,
    "priority" "operations"."WorkOrderPriority" NOT NULL DEFAULT 'NORMAL',
    "guestId" UUID,
    "siteId" UUID,
    "roomId" UUID,
    "reservationId" UUID,
    "technicianId" UUID,
    "windowStart" TIMESTAMPTZ(3),
    "windowEnd" TIMESTAMPTZ(3),
    "scheduledStart" TIMESTAMPTZ(3),
    "scheduledEnd" TIMESTAMPTZ(3),
    "slaDueAt" TIMESTAMPTZ(3),
    "estimatedMinutes" INTEGER NOT NULL DEFAULT 60,
    "priceMinor" INTEGER,
    "currency" CHAR(3),
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."outbox" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."processed_event" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "operations"."work_order_counter" (
    "organizationId" UUID NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "work_order_counter_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "metric_snapshot_organizationId_metric_periodStart_idx" ON "analytics"."metric_snapshot"("organizationId", "metric", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "metric_snapshot_organizationId_metric_subjectId_periodStart_key" ON "analytics"."metric_snapshot"("organizationId", "metric", "subjectId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "health_score_organizationId_guestId_key" ON "analytics"."health_score"("organizationId", "guestId");

-- CreateIndex
CREATE INDEX "work_order_fact_organizationId_technicianId_scheduledStart_idx" ON "analytics"."work_order_fact"("organizationId", "technicianId", "scheduledStart");

-- CreateIndex
CREATE INDEX "outbox_publishedAt_occurredAt_idx" ON "analytics"."outbox"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "message_organizationId_guestId_createdAt_idx" ON "communications"."message"("organizationId", "guestId", "createdAt");

-- CreateIndex
CREATE INDEX "message_organizationId_createdAt_idx" ON "communications"."message"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "template_organizationId_name_channel_language_key" ON "communications"."template"("organizationId", "name", "channel", "language");

-- CreateIndex
CREATE INDEX "consent_record_organizationId_address_channel_recordedAt_idx" ON "communications"."consent_record"("organizationId", "address", "channel", "recordedAt");

-- CreateIndex
CREATE INDEX "alert_organizationId_acknowledgedAt_createdAt_idx" ON "communications"."alert"("organizationId", "acknowledgedAt", "createdAt");

-- CreateIndex
CREATE INDEX "outbox_publishedAt_occurredAt_idx" ON "communications"."outbox"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_sourceEventId_key" ON "finance"."invoice"("sourceEventId");

-- CreateIndex
CREATE INDEX "invoice_organizationId_guestId_idx" ON "finance"."invoice"("organizationId", "guestId");

-- CreateIndex
CREATE INDEX "invoice_organizationId_workOrderId_idx" ON "finance"."invoice"("organizationId", "workOrderId");

-- CreateIndex
CREATE INDEX "invoice_organizationId_status_createdAt_idx" ON "finance"."invoice"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_organizationId_number_key" ON "finance"."invoice"("organizationId", "number");

-- CreateIndex
CREATE INDEX "invoice_line_invoiceId_idx" ON "finance"."invoice_line"("invoiceId");

-- CreateIndex
CREATE INDEX "payment_invoiceId_idx" ON "finance"."payment"("invoiceId");

-- CreateIndex
CREATE INDEX "outbox_publishedAt_occurredAt_idx" ON "finance"."outbox"("publishedAt", "occurredAt");

-- CreateIndex
CREATE INDEX "guest_organizationId_lastName_firstName_idx" ON "guests"."guest"("organizationId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "guest_organizationId_email_idx" ON "guests"."guest"("organizationId", "email");

-- CreateIndex
CREATE INDEX "guest_organizationId_createdAt_idx" ON "guests"."guest"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "guest_organizationId_externalId_key" ON "guests"."guest"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "company_organizationId_name_idx" ON "guests"."company"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "company_organizationId_externalId_key" ON "guests"."company"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "site_organizationId_guestId_idx" ON "guests"."site"("organizationId", "guestId");

-- CreateIndex
CREATE UNIQUE INDEX "room_organizationId_number_key" ON "guests"."room"("organizationId", "number");

-- CreateIndex
CREATE INDEX "reservation_organizationId_arrivalAt_idx" ON "guests"."reservation"("organizationId", "arrivalAt");

-- CreateIndex
CREATE INDEX "reservation_organizationId_guestId_idx" ON "guests"."reservation"("organizationId", "guestId");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_organizationId_confirmationCode_key" ON "guests"."reservation"("organizationId", "confirmationCode");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_organizationId_externalId_key" ON "guests"."reservation"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "outbox_publishedAt_occurredAt_idx" ON "guests"."outbox"("publishedAt", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "operations"."organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "operations"."user"("email");

-- CreateIndex
CREATE INDEX "user_organizationId_idx" ON "operations"."user"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_token_tokenHash_key" ON "operations"."refresh_token"("tokenHash");

-- CreateIndex
CREATE INDEX "refresh_token_userId_idx" ON "operations"."refresh_token"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "operations"."api_key"("prefix");

-- CreateIndex
CREATE INDEX "api_key_organizationId_idx" ON "operations"."api_key"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "skill_organizationId_name_key" ON "operations"."skill"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "technician_userId_key" ON "operations"."technician"("userId");

-- CreateIndex
CREATE INDEX "technician_organizationId_name_idx" ON "operations"."technician"("organizationId", "name");

-- CreateIndex
CREATE INDEX "work_order_organizationId_status_createdAt_idx" ON "operations"."work_order"("organizationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "work_order_organizationId_technicianId_scheduledStart_idx" ON "operations"."work_order"("organizationId", "technicianId", "scheduledStart");

-- CreateIndex
CREATE INDEX "work_order_organizationId_guestId_idx" ON "operations"."work_order"("organizationId", "guestId");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_organizationId_number_key" ON "operations"."work_order"("organizationId", "number");

-- CreateIndex
CREATE INDEX "outbox_publishedAt_occurredAt_idx" ON "operations"."outbox"("publishedAt", "occurredAt");

-- AddForeignKey
ALTER TABLE "finance"."invoice_line" ADD CONSTRAINT "invoice_line_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "finance"."invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finance"."payment" ADD CONSTRAINT "payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "finance"."invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guests"."guest" ADD CONSTRAINT "guest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "guests"."company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guests"."site" ADD CONSTRAINT "site_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "guests"."guest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guests"."site" ADD CONSTRAINT "site_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "guests"."company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guests"."reservation" ADD CONSTRAINT "reservation_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "guests"."guest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guests"."reservation" ADD CONSTRAINT "reservation_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "guests"."room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."technician_skill" ADD CONSTRAINT "technician_skill_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "operations"."technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."technician_skill" ADD CONSTRAINT "technician_skill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "operations"."skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order" ADD CONSTRAINT "work_order_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "operations"."technician"("id") ON DELETE SET NULL ON UPDATE CASCADE;

