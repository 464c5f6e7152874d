CREATE TYPE "public"."measurement_occasion" AS ENUM('start', 'review', 'own');--> statement-breakpoint
CREATE TYPE "public"."respondent_version" AS ENUM('adult', 'young');--> statement-breakpoint
CREATE TABLE "measurement_scores" (
	"measurement_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"domain" "assessment_domain" NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "measurement_scores_measurement_id_domain_pk" PRIMARY KEY("measurement_id","domain"),
	CONSTRAINT "measurement_scores_score_range" CHECK ("measurement_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"occasion" "measurement_occasion" NOT NULL,
	"respondent_version" "respondent_version" NOT NULL,
	"member_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"corrected_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "measurement_scores" ADD CONSTRAINT "measurement_scores_measurement_id_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."measurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_scores" ADD CONSTRAINT "measurement_scores_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_member_id_family_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurements_family_idx" ON "measurements" USING btree ("family_id","taken_on");