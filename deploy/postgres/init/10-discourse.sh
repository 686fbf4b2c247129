#!/bin/sh
# Runs once, when the postgres image initialises an empty data volume: the forum's own role and database, with
# the extensions Discourse needs (creating them takes a superuser, which Discourse's role is not).
set -eu
password=$(cat /run/secrets/discourse_db_password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set password="$password" <<'SQL'
CREATE ROLE discourse LOGIN PASSWORD :'password';
CREATE DATABASE discourse OWNER discourse;
\connect discourse
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
