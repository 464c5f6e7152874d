CREATE TABLE "insights_data_changes" (
	"backend" integer PRIMARY KEY NOT NULL,
	"changes" bigint NOT NULL
);
--> statement-breakpoint
-- Counts the changes the manager's aggregates are drawn from (see src/db/tables/insights-data-changes.ts):
-- every statement that changes one of their tables adds one to its own session's row.
CREATE FUNCTION count_insights_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insights_data_changes AS counted (backend, changes) VALUES (pg_backend_pid(), 1)
    ON CONFLICT (backend) DO UPDATE SET changes = counted.changes + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE counted_table text;
BEGIN
  FOREACH counted_table IN ARRAY ARRAY['service_usage', 'service_prices', 'services', 'organisations', 'service_roles',
    'measurements', 'measurement_scores', 'goals', 'feedback_requests', 'programs', 'program_enrolments'] LOOP
    EXECUTE format('CREATE TRIGGER insights_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION count_insights_data_change()', counted_table);
  END LOOP;
END $$;
--> statement-breakpoint
-- Of accounts and families only what the aggregates read: a sign-in or a renamed case changes no figure.
CREATE TRIGGER insights_data_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF organisation_id ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION count_insights_data_change();
--> statement-breakpoint
CREATE TRIGGER insights_data_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, coordinator_id, created_at ON families
  FOR EACH STATEMENT EXECUTE FUNCTION count_insights_data_change();
