CREATE TABLE "insights_data_changes" (
	"backend" integer PRIMARY KEY NOT NULL,
	"changes" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "actions_service_role_idx" ON "actions" USING btree ("service_role_id");--> statement-breakpoint
CREATE INDEX "families_handover_to_idx" ON "families" USING btree ("handover_to_id") WHERE "families"."handover_to_id" is not null;--> statement-breakpoint
CREATE INDEX "family_events_family_occurred_idx" ON "family_events" USING btree ("family_id","occurred_at");