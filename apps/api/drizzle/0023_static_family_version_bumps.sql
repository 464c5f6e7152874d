-- The same bumps as 0022, in static statements: PL/pgSQL keeps a static statement's plan for each
-- trigger, where `EXECUTE` parsed and planned the bump again on every change (about 1 ms of CPU per
-- change on PGlite). The family column is named by the trigger's first argument, so it is read
-- through jsonb rather than spelled in the statement.
CREATE OR REPLACE FUNCTION bump_family_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prefixes text[] := CASE WHEN TG_NARGS > 1 AND TG_ARGV[1] = 'access' THEN ARRAY['family:', 'family-access:'] ELSE ARRAY['family:'] END;
  family_ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    family_ids := ARRAY(SELECT to_jsonb(n) ->> TG_ARGV[0] FROM changed_new n);
  ELSIF TG_OP = 'DELETE' THEN
    family_ids := ARRAY(SELECT to_jsonb(o) ->> TG_ARGV[0] FROM changed_old o);
  ELSE
    family_ids := ARRAY(SELECT to_jsonb(n) ->> TG_ARGV[0] FROM changed_new n UNION ALL SELECT to_jsonb(o) ->> TG_ARGV[0] FROM changed_old o);
  END IF;
  INSERT INTO data_versions (scope, version)
    SELECT prefix || family_id, 1 FROM unnest(family_ids) AS c(family_id) CROSS JOIN unnest(prefixes) AS p(prefix)
    WHERE family_id IS NOT NULL GROUP BY prefix, family_id ORDER BY prefix, family_id
    ON CONFLICT (scope) DO UPDATE SET version = data_versions.version + 1;
  RETURN NULL;
END $$;
