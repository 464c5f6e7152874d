CREATE TYPE "public"."reference_cost_kind" AS ENUM('placement-outside-home', 'substance-abuse-institution', 'prison');--> statement-breakpoint
CREATE TYPE "public"."usage_period" AS ENUM('day', 'month');--> statement-breakpoint
CREATE TYPE "public"."usage_source" AS ENUM('form', 'csv');--> statement-breakpoint
CREATE TABLE "historical_cost_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"source" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "historical_service_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"service_fi" text NOT NULL,
	"service_en" text NOT NULL,
	"clients" integer NOT NULL,
	"total_cost_cents" bigint NOT NULL,
	"reported_cost_per_client_cents" bigint
);
--> statement-breakpoint
CREATE TABLE "reference_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "reference_cost_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"yearly_cost_cents" integer NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"unit_cost_cents" integer NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"service_role_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"used_on" date NOT NULL,
	"period" "usage_period" NOT NULL,
	"units" numeric(10, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" "usage_source" DEFAULT 'form' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "historical_cost_imports" ADD CONSTRAINT "historical_cost_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historical_cost_imports" ADD CONSTRAINT "historical_cost_imports_imported_by_accounts_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historical_service_costs" ADD CONSTRAINT "historical_service_costs_import_id_historical_cost_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."historical_cost_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_costs" ADD CONSTRAINT "reference_costs_set_by_accounts_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_prices" ADD CONSTRAINT "service_prices_set_by_accounts_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage" ADD CONSTRAINT "service_usage_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage" ADD CONSTRAINT "service_usage_service_role_id_service_roles_id_fk" FOREIGN KEY ("service_role_id") REFERENCES "public"."service_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage" ADD CONSTRAINT "service_usage_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage" ADD CONSTRAINT "service_usage_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_usage" ADD CONSTRAINT "service_usage_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "historical_service_costs_import_idx" ON "historical_service_costs" USING btree ("import_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_costs_kind_valid_from_idx" ON "reference_costs" USING btree ("kind","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "service_prices_service_valid_from_idx" ON "service_prices" USING btree ("service_id","valid_from");--> statement-breakpoint
CREATE INDEX "service_usage_family_idx" ON "service_usage" USING btree ("family_id","used_on");--> statement-breakpoint
CREATE INDEX "service_usage_service_idx" ON "service_usage" USING btree ("service_id","used_on");--> statement-breakpoint
-- Each service's price so far becomes its first period, valid from long before any usage.
INSERT INTO "service_prices" ("service_id", "valid_from", "unit_cost_cents")
SELECT "id", DATE '2000-01-01', "unit_cost_cents" FROM "services";--> statement-breakpoint
-- The reference yearly costs of the heavy services (the source documents: about 130,000, 61,000 and 78,000 EUR a year).
INSERT INTO "reference_costs" ("kind", "valid_from", "yearly_cost_cents") VALUES
  ('placement-outside-home', DATE '2000-01-01', 13000000),
  ('substance-abuse-institution', DATE '2000-01-01', 6100000),
  ('prison', DATE '2000-01-01', 7800000);
