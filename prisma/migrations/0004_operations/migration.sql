-- CreateEnum
CREATE TYPE "operations"."AttachmentKind" AS ENUM ('PHOTO', 'SIGNATURE', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "operations"."TaskStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- AlterTable
ALTER TABLE "guests"."reservation" ADD COLUMN     "products" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "operations"."technician" ADD COLUMN     "teamId" UUID,
ADD COLUMN     "vehicleCapacity" INTEGER,
ADD COLUMN     "workDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[];

-- AlterTable
ALTER TABLE "operations"."work_order" ADD COLUMN     "automationRuleId" UUID,
ADD COLUMN     "customerFeedback" TEXT,
ADD COLUMN     "customerRating" INTEGER,
ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "maintenancePlanId" UUID,
ADD COLUMN     "respondedAt" TIMESTAMPTZ(3),
ADD COLUMN     "responseDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "reworkOfId" UUID,
ADD COLUMN     "serviceTypeId" UUID,
ADD COLUMN     "slaBreachedAt" TIMESTAMPTZ(3),
ADD COLUMN     "slaPolicyId" UUID,
ADD COLUMN     "slaStartsAt" TIMESTAMPTZ(3),
ADD COLUMN     "slaWarnedAt" TIMESTAMPTZ(3),
ADD COLUMN     "teamId" UUID,
ADD COLUMN     "vendorId" UUID;

-- CreateTable
CREATE TABLE "operations"."team" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."technician_certification" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "issuedOn" DATE,
    "expiresOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "technician_certification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."technician_time_off" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "technicianId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "technician_time_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."service_type" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "operations"."WorkOrderKind",
    "defaultMinutes" INTEGER NOT NULL DEFAULT 60,
    "priceMinor" INTEGER,
    "currency" CHAR(3),
    "checklist" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."service_type_skill" (
    "serviceTypeId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "minLevel" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "service_type_skill_pkey" PRIMARY KEY ("serviceTypeId","skillId")
);

-- CreateTable
CREATE TABLE "operations"."work_order_checklist_item" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,

    CONSTRAINT "work_order_checklist_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."work_order_note" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."work_order_attachment" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "kind" "operations"."AttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "clientId" TEXT,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."work_order_part" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "sku" TEXT,
    "quantity" DOUBLE PRECISION NOT NULL,
    "unitPriceMinor" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_part_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."work_order_time_entry" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workOrderId" UUID NOT NULL,
    "technicianId" UUID,
    "userId" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_order_time_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."staff_task" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "priority" "operations"."WorkOrderPriority" NOT NULL DEFAULT 'NORMAL',
    "status" "operations"."TaskStatus" NOT NULL DEFAULT 'OPEN',
    "dueAt" TIMESTAMPTZ(3),
    "assigneeId" UUID,
    "guestId" UUID,
    "reservationId" UUID,
    "workOrderId" UUID,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."vendor" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "baseLat" DOUBLE PRECISION,
    "baseLng" DOUBLE PRECISION,
    "serviceRadiusKm" DOUBLE PRECISION,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."vendor_offer" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "serviceTypeId" UUID NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "leadTimeHours" INTEGER NOT NULL DEFAULT 24,

    CONSTRAINT "vendor_offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."vendor_availability" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMin" INTEGER NOT NULL,
    "endMin" INTEGER NOT NULL,

    CONSTRAINT "vendor_availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."sla_policy" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "serviceTypeId" UUID,
    "priority" "operations"."WorkOrderPriority",
    "responseMinutes" INTEGER NOT NULL,
    "resolutionMinutes" INTEGER NOT NULL,
    "businessHours" JSONB,
    "timezone" TEXT,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "warnAt" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."maintenance_plan" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "serviceTypeId" UUID NOT NULL,
    "priority" "operations"."WorkOrderPriority" NOT NULL DEFAULT 'NORMAL',
    "asset" TEXT,
    "roomId" UUID,
    "siteId" UUID,
    "guestId" UUID,
    "intervalDays" INTEGER,
    "rrule" TEXT,
    "startsOn" DATE NOT NULL,
    "leadDays" INTEGER NOT NULL DEFAULT 7,
    "technicianId" UUID,
    "teamId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastGeneratedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."automation_rule" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL,
    "serviceTypeId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "priority" "operations"."WorkOrderPriority" NOT NULL DEFAULT 'NORMAL',
    "hoursBeforeArrival" INTEGER NOT NULL DEFAULT 2,
    "teamId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastFiredAt" TIMESTAMPTZ(3),
    "firedCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "automation_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations"."reservation_projection" (
    "reservationId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID,
    "guestName" TEXT,
    "roomId" UUID,
    "roomNumber" TEXT,
    "status" TEXT NOT NULL,
    "arrivalAt" TIMESTAMPTZ(3) NOT NULL,
    "departureAt" TIMESTAMPTZ(3),
    "etaAt" TIMESTAMPTZ(3),
    "vip" BOOLEAN NOT NULL DEFAULT false,
    "products" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_projection_pkey" PRIMARY KEY ("reservationId")
);

-- CreateTable
CREATE TABLE "operations"."room_projection" (
    "roomId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "number" TEXT,
    "state" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "room_projection_pkey" PRIMARY KEY ("roomId")
);

-- CreateTable
CREATE TABLE "operations"."site_projection" (
    "siteId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_projection_pkey" PRIMARY KEY ("siteId")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_organizationId_name_key" ON "operations"."team"("organizationId", "name");

-- CreateIndex
CREATE INDEX "technician_certification_organizationId_technicianId_idx" ON "operations"."technician_certification"("organizationId", "technicianId");

-- CreateIndex
CREATE INDEX "technician_time_off_organizationId_technicianId_startsAt_idx" ON "operations"."technician_time_off"("organizationId", "technicianId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "service_type_organizationId_name_key" ON "operations"."service_type"("organizationId", "name");

-- CreateIndex
CREATE INDEX "work_order_checklist_item_workOrderId_position_idx" ON "operations"."work_order_checklist_item"("workOrderId", "position");

-- CreateIndex
CREATE INDEX "work_order_note_workOrderId_createdAt_idx" ON "operations"."work_order_note"("workOrderId", "createdAt");

-- CreateIndex
CREATE INDEX "work_order_attachment_workOrderId_createdAt_idx" ON "operations"."work_order_attachment"("workOrderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_attachment_workOrderId_clientId_key" ON "operations"."work_order_attachment"("workOrderId", "clientId");

-- CreateIndex
CREATE INDEX "work_order_part_workOrderId_idx" ON "operations"."work_order_part"("workOrderId");

-- CreateIndex
CREATE INDEX "work_order_time_entry_workOrderId_startedAt_idx" ON "operations"."work_order_time_entry"("workOrderId", "startedAt");

-- CreateIndex
CREATE INDEX "staff_task_organizationId_status_dueAt_idx" ON "operations"."staff_task"("organizationId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "staff_task_organizationId_assigneeId_status_idx" ON "operations"."staff_task"("organizationId", "assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "vendor_organizationId_name_key" ON "operations"."vendor"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "vendor_offer_vendorId_serviceTypeId_key" ON "operations"."vendor_offer"("vendorId", "serviceTypeId");

-- CreateIndex
CREATE INDEX "vendor_availability_vendorId_weekday_idx" ON "operations"."vendor_availability"("vendorId", "weekday");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policy_organizationId_name_key" ON "operations"."sla_policy"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_plan_organizationId_name_key" ON "operations"."maintenance_plan"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "automation_rule_organizationId_name_key" ON "operations"."automation_rule"("organizationId", "name");

-- CreateIndex
CREATE INDEX "reservation_projection_organizationId_arrivalAt_idx" ON "operations"."reservation_projection"("organizationId", "arrivalAt");

-- CreateIndex
CREATE INDEX "room_projection_organizationId_idx" ON "operations"."room_projection"("organizationId");

-- CreateIndex
CREATE INDEX "site_projection_organizationId_idx" ON "operations"."site_projection"("organizationId");

-- CreateIndex
CREATE INDEX "work_order_organizationId_vendorId_idx" ON "operations"."work_order"("organizationId", "vendorId");

-- CreateIndex
CREATE INDEX "work_order_organizationId_reworkOfId_idx" ON "operations"."work_order"("organizationId", "reworkOfId");

-- CreateIndex
CREATE UNIQUE INDEX "work_order_organizationId_dedupeKey_key" ON "operations"."work_order"("organizationId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "operations"."technician" ADD CONSTRAINT "technician_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "operations"."team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order" ADD CONSTRAINT "work_order_serviceTypeId_fkey" FOREIGN KEY ("serviceTypeId") REFERENCES "operations"."service_type"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order" ADD CONSTRAINT "work_order_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "operations"."vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order" ADD CONSTRAINT "work_order_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "operations"."team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."technician_certification" ADD CONSTRAINT "technician_certification_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "operations"."technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."technician_time_off" ADD CONSTRAINT "technician_time_off_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "operations"."technician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."service_type_skill" ADD CONSTRAINT "service_type_skill_serviceTypeId_fkey" FOREIGN KEY ("serviceTypeId") REFERENCES "operations"."service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."service_type_skill" ADD CONSTRAINT "service_type_skill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "operations"."skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order_checklist_item" ADD CONSTRAINT "work_order_checklist_item_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "operations"."work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order_note" ADD CONSTRAINT "work_order_note_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "operations"."work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order_attachment" ADD CONSTRAINT "work_order_attachment_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "operations"."work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order_part" ADD CONSTRAINT "work_order_part_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "operations"."work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."work_order_time_entry" ADD CONSTRAINT "work_order_time_entry_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "operations"."work_order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."vendor_offer" ADD CONSTRAINT "vendor_offer_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "operations"."vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."vendor_offer" ADD CONSTRAINT "vendor_offer_serviceTypeId_fkey" FOREIGN KEY ("serviceTypeId") REFERENCES "operations"."service_type"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations"."vendor_availability" ADD CONSTRAINT "vendor_availability_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "operations"."vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

