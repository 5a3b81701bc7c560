#!/usr/bin/env bash
# Install the test dependencies (and Debian's chromium where it is missing), then run every check.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
# Debian packages the tests need: chromium (browser tests, Lighthouse), Java (the Nu HTML Checker).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/install.sh test
if [ -f package.json ]; then npm ci --silent --no-audit --no-fund; fi
.venv/bin/ruff check
.venv/bin/ruff format --check
.venv/bin/mypy
.venv/bin/python -m toolbox validate
.venv/bin/python -m pytest -q "$@"
