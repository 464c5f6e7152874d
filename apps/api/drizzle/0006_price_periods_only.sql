CREATE UNIQUE INDEX "service_usage_role_period_idx" ON "service_usage" USING btree ("service_role_id","period","used_on");--> statement-breakpoint
ALTER TABLE "services" DROP COLUMN "unit_cost_cents";