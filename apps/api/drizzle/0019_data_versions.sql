CREATE TABLE "data_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- The family's data version moves with every insert, update and delete of what its plan and its
-- access decisions are read from (statement triggers: one bump per family per statement).
CREATE FUNCTION bump_family_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := format('SELECT %I AS family_id FROM changed_new', TG_ARGV[0]);
  ELSIF TG_OP = 'DELETE' THEN
    changed := format('SELECT %I AS family_id FROM changed_old', TG_ARGV[0]);
  ELSE
    changed := format('SELECT %1$I AS family_id FROM changed_new UNION SELECT %1$I FROM changed_old', TG_ARGV[0]);
  END IF;
  EXECUTE 'INSERT INTO data_versions (scope, version) SELECT ''family:'' || family_id, 1 FROM ('
    || changed || ') c WHERE family_id IS NOT NULL GROUP BY family_id ORDER BY family_id'
    || ' ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bump_directory_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (scope, version) VALUES ('directory', 1)
    ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  target record;
BEGIN
  FOR target IN SELECT * FROM (VALUES
    ('families', 'id'), ('plans', 'family_id'), ('family_members', 'family_id'), ('goals', 'family_id'),
    ('goal_progress', 'family_id'), ('service_roles', 'family_id'), ('actions', 'family_id'),
    ('consent_decisions', 'family_id')) AS t(tbl, col)
  LOOP
    EXECUTE format('CREATE TRIGGER %1$s_data_version_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed_new'
      || ' FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L)', target.tbl, target.col);
    EXECUTE format('CREATE TRIGGER %1$s_data_version_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS changed_old'
      || ' NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L)', target.tbl, target.col);
    EXECUTE format('CREATE TRIGGER %1$s_data_version_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed_old'
      || ' FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L)', target.tbl, target.col);
  END LOOP;
END $$;
--> statement-breakpoint
-- Who someone is (name, role, organisation, enabled, second factor) and which services they work in.
CREATE TRIGGER accounts_directory_version AFTER UPDATE OF email, name, role, organisation_id, disabled_at, totp_enabled_at, is_demo
  ON accounts FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_data_version();
--> statement-breakpoint
CREATE TRIGGER accounts_directory_version_delete AFTER DELETE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_data_version();
--> statement-breakpoint
CREATE TRIGGER services_directory_version AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_data_version();
--> statement-breakpoint
CREATE TRIGGER service_memberships_directory_version AFTER INSERT OR UPDATE OR DELETE ON service_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_data_version();
