#!/usr/bin/env bash
# Adds a migration to both generated sets (SQLite and PostgreSQL). Usage: tools/migrations/add.sh Name
# Migrations are generated, never hand-edited (ADR 0003); the integration tests fail on a model change
# that one of the sets is missing.
set -euo pipefail
name="${1:?usage: tools/migrations/add.sh MigrationName}"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet tool restore >/dev/null
cd src/Tuoyu.Web
dotnet ef migrations add "$name" --context SqliteAppDbContext --output-dir Common/Data/Migrations/Sqlite --namespace Tuoyu.Web.Common.Data.Migrations.Sqlite
dotnet ef migrations add "$name" --context PostgresAppDbContext --output-dir Common/Data/Migrations/Postgres --namespace Tuoyu.Web.Common.Data.Migrations.Postgres
