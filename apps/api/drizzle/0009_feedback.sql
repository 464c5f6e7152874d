CREATE TYPE "public"."feedback_occasion" AS ENUM('review', 'closing');--> statement-breakpoint
CREATE TABLE "feedback_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"occasion" "feedback_occasion" NOT NULL,
	"review_id" uuid,
	"opened_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"worked_together" smallint,
	"no_retelling" smallint,
	"would_recommend" smallint,
	"words" text DEFAULT '' NOT NULL,
	"coordinator_may_see" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_requests_review_occasion" CHECK (("feedback_requests"."occasion" = 'review') = ("feedback_requests"."review_id" is not null)),
	CONSTRAINT "feedback_requests_answered_by" CHECK (("feedback_requests"."answered_at" is null) = ("feedback_requests"."answered_by" is null)),
	CONSTRAINT "feedback_requests_scores" CHECK ("feedback_requests"."worked_together" between 0 and 10
        and "feedback_requests"."no_retelling" between 0 and 10
        and "feedback_requests"."would_recommend" between 0 and 10),
	CONSTRAINT "feedback_requests_words_length" CHECK (char_length("feedback_requests"."words") <= 1000),
	CONSTRAINT "feedback_requests_unanswered_empty" CHECK ("feedback_requests"."answered_at" is not null or ("feedback_requests"."worked_together" is null and "feedback_requests"."no_retelling" is null
        and "feedback_requests"."would_recommend" is null and "feedback_requests"."words" = '' and not "feedback_requests"."coordinator_may_see"))
);
--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_requests_family_idx" ON "feedback_requests" USING btree ("family_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_review_unique" ON "feedback_requests" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_open_closing_unique" ON "feedback_requests" USING btree ("family_id") WHERE "feedback_requests"."occasion" = 'closing' and "feedback_requests"."answered_at" is null;