#!/bin/sh
# PostgreSQL roles of the platform (least privilege), for the official postgres image: run
# once by the image on a new data volume (/docker-entrypoint-initdb.d), and by hand on an
# existing one (see the README, « Rôles PostgreSQL »):
#   docker compose -f docker/docker-compose.yml --env-file docker/.env \
#     exec postgres sh /docker-entrypoint-initdb.d/10-roles.sh
# - RESOCC_OWNER_ROLE (resocc_owner) owns the database and everything in it: migrations;
# - RESOCC_APP_ROLE (resocc_app) is the API's: it only gets row rights, granted by each
#   migration run (no DDL, no TRUNCATE, no UPDATE or DELETE on the moderation log).
# Idempotent: roles are created or brought in line (attributes, passwords), and objects that
# the image's superuser still owns (a database migrated before the roles) go to the owner.
set -eu

: "${RESOCC_OWNER_PASSWORD:?set RESOCC_OWNER_PASSWORD in docker/.env}"
: "${RESOCC_APP_PASSWORD:?set RESOCC_APP_PASSWORD in docker/.env}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" \
  -v owner="${RESOCC_OWNER_ROLE:-resocc_owner}" -v owner_password="$RESOCC_OWNER_PASSWORD" \
  -v app="${RESOCC_APP_ROLE:-resocc_app}" -v app_password="$RESOCC_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I', :'app') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';
ALTER ROLE :"app" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';

ALTER DATABASE :"db" OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Objects of schema public still owned by another role (extensions' own excepted) go to the
-- owner: same rule as transferOwnership() in libs/core/src/database/roles.ts.
SET resocc.owner = :'owner';
DO $$
DECLARE
  target regrole := current_setting('resocc.owner')::regrole;
  item record;
BEGIN
  FOR item IN
    SELECT format('ALTER %s %s OWNER TO %I',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
               WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             c.oid::regclass, target) AS statement
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relowner <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = c.oid AND d.deptype = 'e')
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                   AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO %I',
             CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
             p.oid::regprocedure, target)
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                        AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
             t.oid::regtype, target)
    FROM pg_type t
    WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> target
      AND (t.typtype IN ('e', 'd', 'r')
           OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                        AND d.objid = t.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER TEXT SEARCH CONFIGURATION %s OWNER TO %I', c.oid::regconfig, target)
    FROM pg_ts_config c
    WHERE c.cfgnamespace = 'public'::regnamespace AND c.cfgowner <> target
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_config'::regclass
                        AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE item.statement;
  END LOOP;
END $$;
SQL
