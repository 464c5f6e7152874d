ALTER TABLE "service_roles" ADD COLUMN "invitation_message" text;--> statement-breakpoint
ALTER TABLE "service_roles" ADD COLUMN "replaces_service_role_id" uuid;--> statement-breakpoint
ALTER TABLE "service_roles" ADD COLUMN "responded_by" uuid;--> statement-breakpoint
ALTER TABLE "service_roles" ADD COLUMN "reminder_recipients" integer;--> statement-breakpoint
ALTER TABLE "service_roles" ADD CONSTRAINT "service_roles_replaces_service_role_id_service_roles_id_fk" FOREIGN KEY ("replaces_service_role_id") REFERENCES "public"."service_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_roles" ADD CONSTRAINT "service_roles_responded_by_accounts_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_roles_replaces_idx" ON "service_roles" USING btree ("replaces_service_role_id");