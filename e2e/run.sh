#!/usr/bin/env bash
# Browser journeys on the system Chromium. Without Chromium they are skipped loudly, except in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "${E2E_REQUIRED:-}" = "1" ]; then
    echo "e2e: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "e2e: SKIPPED — /usr/bin/chromium is not installed. Install it with: sudo apt-get install -y chromium" >&2
  exit 0
fi
# CI builds once for both browser runs and says so with E2E_SKIP_BUILD=1; otherwise build here.
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then pnpm build; fi
cd e2e && npx playwright test "$@"
