#!/usr/bin/env bash
# Install the test dependencies (and Debian's chromium where it is missing), then run every check.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
bash scripts/install.sh test
if [ -f package.json ]; then npm ci --silent --no-audit --no-fund; fi
.venv/bin/ruff check
.venv/bin/ruff format --check
.venv/bin/mypy
.venv/bin/python -m toolbox validate
.venv/bin/python -m pytest -q "$@"
