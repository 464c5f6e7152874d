ALTER TABLE "goals" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
-- A goal marked achieved before goals had endings was reached.
UPDATE "goals" SET "status" = 'reached' WHERE "status" = 'achieved';--> statement-breakpoint
ALTER TABLE "goals" ALTER COLUMN "status" SET DEFAULT 'open'::text;--> statement-breakpoint
DROP TYPE "public"."goal_status";--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('open', 'reached', 'partly_reached', 'not_reached', 'dropped');--> statement-breakpoint
ALTER TABLE "goals" ALTER COLUMN "status" SET DEFAULT 'open'::"public"."goal_status";--> statement-breakpoint
ALTER TABLE "goals" ALTER COLUMN "status" SET DATA TYPE "public"."goal_status" USING "status"::"public"."goal_status";--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "attainment_scale" jsonb;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "attained_level" smallint;--> statement-breakpoint
-- Goals that ended before endings had dates: the day of their last change, in the municipality.
UPDATE "goals" SET "ended_on" = ("updated_at" AT TIME ZONE 'Europe/Helsinki')::date WHERE "status" <> 'open';--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_ended_on_when_ended" CHECK (("goals"."status" = 'open') = ("goals"."ended_on" is null));--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_attained_level_of_scaled_ending" CHECK ("goals"."attained_level" is null or ("goals"."attained_level" between -2 and 2 and "goals"."attainment_scale" is not null and "goals"."status" in ('reached', 'partly_reached', 'not_reached')));