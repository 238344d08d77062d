#!/usr/bin/env bash
# Prints the SQL that takes the committed migrations to the current schema (no database needed
# beyond a throwaway one the engine creates). Usage: tools/scripts/db-diff.sh > prisma/migrations/NNNN_name/migration.sql
set -euo pipefail
cd "$(dirname "$0")/../.."
DATABASE_URL=${DATABASE_URL:-postgresql://localhost/unused} node_modules/.bin/prisma migrate diff \
  --from-empty --to-schema-datamodel prisma/schema --script
