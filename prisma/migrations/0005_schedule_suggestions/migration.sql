-- CreateEnum
CREATE TYPE "operations"."ScheduleSuggestionKind" AS ENUM ('OPTIMIZE', 'URGENT_INSERTION');

-- CreateEnum
CREATE TYPE "operations"."ScheduleSuggestionStatus" AS ENUM ('OPEN', 'APPLIED', 'PARTLY_APPLIED', 'REJECTED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "operations"."schedule_suggestion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "operations"."ScheduleSuggestionKind" NOT NULL,
    "status" "operations"."ScheduleSuggestionStatus" NOT NULL DEFAULT 'OPEN',
    "day" TEXT NOT NULL,
    "teamId" UUID,
    "triggerWorkOrderId" UUID,
    "createdById" UUID,
    "plan" JSONB NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "schedule_suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "schedule_suggestion_organizationId_day_status_idx" ON "operations"."schedule_suggestion"("organizationId", "day", "status");

-- CreateIndex
CREATE UNIQUE INDEX "schedule_suggestion_organizationId_triggerWorkOrderId_key" ON "operations"."schedule_suggestion"("organizationId", "triggerWorkOrderId");

