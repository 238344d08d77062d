-- AlterTable
ALTER TABLE "communications"."message" ADD COLUMN     "html" TEXT;
