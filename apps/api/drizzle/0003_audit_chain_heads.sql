CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"prev_hash" text NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Chains written before this migration continue from their newest link.
INSERT INTO "audit_chain_heads" ("chain", "prev_hash", "last_hash")
  SELECT DISTINCT ON ("chain") "chain", "prev_hash", "hash" FROM "audit_events" ORDER BY "chain", "id" DESC;
