#!/usr/bin/env bash
# Several instances: two API processes on a fresh database of the PostgreSQL server, sharing
# realtime through Redis, behind nginx; browser tests prove that edits, presence and sign-outs
# cross instances (e2e/multi-instance/). Needs PostgreSQL and Redis running (see README);
# installs Debian's nginx when missing. Run as `pnpm test:multi-instance`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/sbin/nginx ]; then
  apt-get install -y -qq nginx >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "multi-instance: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
  exit 1
fi
# CI builds once for both browser runs and says so with E2E_SKIP_BUILD=1; otherwise build here.
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then pnpm build; fi
cd e2e && npx playwright test -c multi-instance.config.ts "$@"
