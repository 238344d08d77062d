-- CreateEnum
CREATE TYPE "communications"."GuestNoteKind" AS ENUM ('CALL', 'INTERNAL');

-- CreateEnum
CREATE TYPE "communications"."CallDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "communications"."CallOutcome" AS ENUM ('ANSWERED', 'NO_ANSWER', 'VOICEMAIL', 'BUSY', 'WRONG_NUMBER');

-- CreateTable
CREATE TABLE "communications"."guest_note" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "kind" "communications"."GuestNoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "callDirection" "communications"."CallDirection",
    "callDurationSeconds" INTEGER,
    "callOutcome" "communications"."CallOutcome",
    "authorId" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "editedById" UUID,
    "deletedAt" TIMESTAMPTZ(3),
    "deletedById" UUID,

    CONSTRAINT "guest_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."timeline_event" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "timeline_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "communications"."timeline_reservation_state" (
    "reservationId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "roomNumber" TEXT,
    "arrivalAt" TIMESTAMPTZ(3),
    "departureAt" TIMESTAMPTZ(3),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "timeline_reservation_state_pkey" PRIMARY KEY ("reservationId")
);

-- CreateIndex
CREATE INDEX "guest_note_organizationId_guestId_createdAt_idx" ON "communications"."guest_note"("organizationId", "guestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "guest_note_organizationId_authorId_idempotencyKey_key" ON "communications"."guest_note"("organizationId", "authorId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "timeline_event_organizationId_guestId_occurredAt_idx" ON "communications"."timeline_event"("organizationId", "guestId", "occurredAt");

