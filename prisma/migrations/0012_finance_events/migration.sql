-- AlterTable
ALTER TABLE "communications"."message" ADD COLUMN     "contentSid" TEXT,
ADD COLUMN     "contentVariables" JSONB;

-- AlterTable
ALTER TABLE "communications"."template" ADD COLUMN     "whatsappContentSid" TEXT;

-- AlterTable
ALTER TABLE "finance"."invoice" ADD COLUMN     "overdueNotifiedFor" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "guests"."reservation" ADD COLUMN     "checkInReadyAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "invoice_status_dueAt_idx" ON "finance"."invoice"("status", "dueAt");

