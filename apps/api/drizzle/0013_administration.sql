ALTER TYPE "public"."invitation_kind" ADD VALUE 'coordinator';--> statement-breakpoint
ALTER TYPE "public"."invitation_kind" ADD VALUE 'manager';--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "retired_at" timestamp with time zone;