#!/bin/sh
# PostgreSQL roles of the platform (least privilege), for the official postgres image: run
# once by the image on a new data volume (/docker-entrypoint-initdb.d), and by hand on an
# existing one (see the README, « Rôles PostgreSQL »):
#   docker compose -f docker/docker-compose.yml --env-file docker/.env \
#     exec postgres sh /docker-entrypoint-initdb.d/10-roles.sh
# (the tables of an existing volume then go to the owner with one migrate run given
# DATABASE_ADMIN_URL, see docker/migrate.mjs).
# - RESOCC_OWNER_ROLE (resocc_owner) owns the database and everything in it: migrations;
# - RESOCC_APP_ROLE (resocc_app) is the API's: it only gets row rights, granted by each
#   migration run (no DDL, no TRUNCATE, no UPDATE or DELETE on the moderation log).
# Idempotent: roles are created or brought in line (attributes, passwords).
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
SQL
