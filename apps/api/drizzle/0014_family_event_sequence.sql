CREATE TABLE "family_event_sequences" (
	"family_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_events" ADD COLUMN "family_seq" integer;--> statement-breakpoint
-- Events written before the family's own sequence: numbered in the order they were written.
UPDATE "family_events" AS e SET "family_seq" = n."family_seq"
  FROM (SELECT "seq", row_number() OVER (PARTITION BY "family_id" ORDER BY "seq") AS "family_seq" FROM "family_events") AS n
  WHERE n."seq" = e."seq";--> statement-breakpoint
ALTER TABLE "family_events" ALTER COLUMN "family_seq" SET NOT NULL;--> statement-breakpoint
INSERT INTO "family_event_sequences" ("family_id", "last_seq")
  SELECT "family_id", max("family_seq") FROM "family_events" GROUP BY "family_id";--> statement-breakpoint
ALTER TABLE "family_events" ADD COLUMN "service_role_id" uuid;--> statement-breakpoint
ALTER TABLE "family_events" ADD COLUMN "note_visibility" "note_visibility";--> statement-breakpoint
-- Who may hear of earlier notes, actions and usage, as their live events were decided.
UPDATE "family_events" AS e SET "service_role_id" = n."service_role_id", "note_visibility" = n."visibility"
  FROM "notes" AS n WHERE n."id" = e."entity_id" AND e."type" IN ('note.created', 'note.updated');--> statement-breakpoint
UPDATE "family_events" AS e SET "service_role_id" = a."service_role_id"
  FROM "actions" AS a WHERE a."id" = e."entity_id" AND e."type" IN ('action.created', 'action.updated');--> statement-breakpoint
UPDATE "family_events" AS e SET "service_role_id" = u."service_role_id"
  FROM "service_usage" AS u WHERE u."id" = e."entity_id" AND e."type" IN ('usage.recorded', 'usage.updated');--> statement-breakpoint
ALTER TABLE "family_event_sequences" ADD CONSTRAINT "family_event_sequences_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "family_events_family_family_seq_idx" ON "family_events" USING btree ("family_id","family_seq");
