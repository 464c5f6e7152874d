ALTER TYPE "public"."invitation_kind" ADD VALUE 'administrator';--> statement-breakpoint
ALTER TYPE "public"."invitation_kind" ADD VALUE 'password-reset';--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "second_factor_failure_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "second_factor_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Demo worlds seeded before this migration: their published logins are marked as demo accounts.
UPDATE "accounts" SET "is_demo" = true WHERE "email" IN ('sari.koordinaattori@varkaus-demo.fi','olli.koordinaattori@varkaus-demo.fi','mikko.perhetyo@varkaus-demo.fi','hanna.koulu@varkaus-demo.fi','liisa.neuvola@varkaus-demo.fi','petri.perheneuvola@varkaus-demo.fi','tiina.mielenterveys@varkaus-demo.fi','jari.rinnalla@varkaus-demo.fi','anna.virtanen@example.fi','paivi.johtaja@varkaus-demo.fi','admin@varkaus-demo.fi');--> statement-breakpoint
-- TRUNCATE skips row triggers; a statement trigger refuses it like UPDATE and DELETE.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();--> statement-breakpoint
CREATE FUNCTION audit_chain_heads_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_heads cannot be truncated';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_heads_no_truncate();
