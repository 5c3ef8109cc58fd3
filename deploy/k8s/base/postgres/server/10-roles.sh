#!/bin/sh
# Runs once, when the data directory is created (the image's /docker-entrypoint-initdb.d), as the superuser.
# The service's role owns the database, so its migrations create the schema, the outbox table and the
# publication. The relay's role may open a replication connection, reads the service's tables, and
# creates its offset table; a database without an outbox (the operations console's) has no relay role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v app_user="$APP_USER" -v app_password="$APP_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO :"app_user";
SQL
if [ -n "${RELAY_USER:-}" ]; then
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_user="$APP_USER" \
    -v relay_user="$RELAY_USER" -v relay_password="$RELAY_PASSWORD" <<'SQL'
CREATE ROLE :"relay_user" LOGIN REPLICATION PASSWORD :'relay_password';
GRANT CREATE ON SCHEMA public TO :"relay_user";
ALTER DEFAULT PRIVILEGES FOR ROLE :"app_user" IN SCHEMA public GRANT SELECT ON TABLES TO :"relay_user";
SQL
fi
