CREATE TYPE "public"."enrolment_end_reason" AS ENUM('left', 'case_closed', 'moved', 'consent_withdrawn');--> statement-breakpoint
CREATE TABLE "program_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"payer_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"consent_given_by" uuid NOT NULL,
	"consent_given_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"ended_on" date,
	"end_reason" "enrolment_end_reason",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "program_enrolments_ended_with_reason" CHECK (("program_enrolments"."ended_on" is null) = ("program_enrolments"."end_reason" is null)),
	CONSTRAINT "program_enrolments_ended_after_enrolled" CHECK ("program_enrolments"."ended_on" is null or "program_enrolments"."ended_on" >= "program_enrolments"."enrolled_on"),
	CONSTRAINT "program_enrolments_consent_first" CHECK ("program_enrolments"."consent_given_on" <= "program_enrolments"."enrolled_on")
);
--> statement-breakpoint
CREATE TABLE "program_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"baseline_rate" double precision NOT NULL,
	"target_rate" double precision NOT NULL,
	"payment_cents" bigint NOT NULL,
	CONSTRAINT "program_metrics_rates" CHECK ("program_metrics"."baseline_rate" between 0 and 100 and "program_metrics"."target_rate" between 0 and 100),
	CONSTRAINT "program_metrics_payment" CHECK ("program_metrics"."payment_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "program_payers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"target_group" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_period_in_order" CHECK ("programs"."starts_on" <= "programs"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_payer_id_program_payers_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."program_payers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_consent_given_by_family_members_id_fk" FOREIGN KEY ("consent_given_by") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrolments" ADD CONSTRAINT "program_enrolments_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_metrics" ADD CONSTRAINT "program_metrics_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_payers" ADD CONSTRAINT "program_payers_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_enrolments_pseudonym_idx" ON "program_enrolments" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "program_enrolments_program_idx" ON "program_enrolments" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "program_enrolments_family_idx" ON "program_enrolments" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_enrolments_one_open_idx" ON "program_enrolments" USING btree ("program_id","family_id") WHERE "program_enrolments"."ended_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "program_metrics_position_idx" ON "program_metrics" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "program_payers_position_idx" ON "program_payers" USING btree ("program_id","position");--> statement-breakpoint
CREATE INDEX "programs_organisation_idx" ON "programs" USING btree ("organisation_id");