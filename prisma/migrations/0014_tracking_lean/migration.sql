-- DropIndex
DROP INDEX "operations"."location_ping_organizationId_technicianId_recordedAt_idx";

