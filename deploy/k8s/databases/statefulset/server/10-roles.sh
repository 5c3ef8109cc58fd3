#!/bin/sh
# Runs once, when the data directory is created (the image's /docker-entrypoint-initdb.d), as the superuser.
# The service's role owns the database, so its migrations create the schema, the outbox table and the
# publication, and let the relay's role read the outbox table (OUTBOX_RELAY_ROLE). The relay's role gets what
# db/relay-role.sql gives it and no more: it may open a replication connection and keep its position in its
# offset table (RelayRolePrivilegesTest compares the two on a real server). A database without an outbox (the
# operations console's) has no relay role.
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
CREATE TABLE outbox_relay_offset (
    id                varchar(36) PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp NOT NULL,
    record_insert_seq integer   NOT NULL
);
GRANT SELECT, INSERT, DELETE ON outbox_relay_offset TO :"relay_user";
SQL
fi
