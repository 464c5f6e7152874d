-- A second version per family, `family-access:<id>`, moves only with what access decisions are read
-- from (the family row, its members, service roles and consent decisions), so a copy of someone's
-- relationship to a family outlives changes of the plan's content (an action's status, a note).
-- `family:<id>` still moves with every change of the family, these included.
CREATE OR REPLACE FUNCTION bump_family_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
  prefixes text := '(''family:'')';
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := format('SELECT %I AS family_id FROM changed_new', TG_ARGV[0]);
  ELSIF TG_OP = 'DELETE' THEN
    changed := format('SELECT %I AS family_id FROM changed_old', TG_ARGV[0]);
  ELSE
    changed := format('SELECT %1$I AS family_id FROM changed_new UNION SELECT %1$I FROM changed_old', TG_ARGV[0]);
  END IF;
  IF TG_NARGS > 1 AND TG_ARGV[1] = 'access' THEN
    prefixes := '(''family:''), (''family-access:'')';
  END IF;
  EXECUTE 'INSERT INTO data_versions (scope, version) SELECT prefix || family_id, 1 FROM ('
    || changed || ') c CROSS JOIN (VALUES ' || prefixes || ') p(prefix)'
    || ' WHERE family_id IS NOT NULL GROUP BY prefix, family_id ORDER BY prefix, family_id'
    || ' ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1';
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  target record;
BEGIN
  FOR target IN SELECT * FROM (VALUES
    ('families', 'id'), ('family_members', 'family_id'), ('service_roles', 'family_id'), ('consent_decisions', 'family_id')) AS t(tbl, col)
  LOOP
    EXECUTE format('DROP TRIGGER %1$s_data_version_insert ON %1$I', target.tbl);
    EXECUTE format('DROP TRIGGER %1$s_data_version_update ON %1$I', target.tbl);
    EXECUTE format('DROP TRIGGER %1$s_data_version_delete ON %1$I', target.tbl);
    EXECUTE format('CREATE TRIGGER %1$s_data_version_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed_new'
      || ' FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L, ''access'')', target.tbl, target.col);
    EXECUTE format('CREATE TRIGGER %1$s_data_version_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS changed_old'
      || ' NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L, ''access'')', target.tbl, target.col);
    EXECUTE format('CREATE TRIGGER %1$s_data_version_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed_old'
      || ' FOR EACH STATEMENT EXECUTE FUNCTION bump_family_data_versions(%2$L, ''access'')', target.tbl, target.col);
  END LOOP;
END $$;
