DROP INDEX "families_coordinator_idx";--> statement-breakpoint
CREATE INDEX "actions_service_role_idx" ON "actions" USING btree ("service_role_id","due_on");--> statement-breakpoint
CREATE INDEX "families_coordinator_name_idx" ON "families" USING btree ("coordinator_id","name","id");--> statement-breakpoint
CREATE INDEX "families_handover_to_idx" ON "families" USING btree ("handover_to_id") WHERE "families"."handover_to_id" is not null;--> statement-breakpoint
CREATE INDEX "family_events_family_occurred_idx" ON "family_events" USING btree ("family_id","occurred_at");