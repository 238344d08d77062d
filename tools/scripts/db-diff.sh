#!/usr/bin/env bash
# Prints the SQL that takes the committed migrations to the current schema (the js engine connects to DATABASE_URL but changes nothing there
# ). Usage: tools/scripts/db-diff.sh > prisma/migrations/NNNN_name/migration.sql
set -euo pipefail
cd "$(dirname "$0")/../.."
DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} node_modules/.bin/prisma migrate diff \
  --from-empty --to-schema-datamodel prisma/schema --script
