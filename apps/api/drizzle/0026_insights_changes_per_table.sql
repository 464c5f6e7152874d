-- The changes are counted per table, so an aggregate is computed again only when a table it is drawn
-- from changed (a goal ended moves the outcomes, not the costs). The rows counted so far become `*`,
-- which counts for every aggregate: no sum an API instance holds falls back to an earlier value.
ALTER TABLE "insights_data_changes" ADD COLUMN "changed_table" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "insights_data_changes" DROP CONSTRAINT "insights_data_changes_pkey";--> statement-breakpoint
ALTER TABLE "insights_data_changes" ADD CONSTRAINT "insights_data_changes_backend_changed_table_pk" PRIMARY KEY("backend","changed_table");--> statement-breakpoint
CREATE OR REPLACE FUNCTION count_insights_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insights_data_changes AS counted (backend, changed_table, changes) VALUES (pg_backend_pid(), TG_TABLE_NAME, 1)
    ON CONFLICT (backend, changed_table) DO UPDATE SET changes = counted.changes + 1;
  RETURN NULL;
END $$;
