#!/usr/bin/env bash
# The quick checks of a pull request (.github/workflows/pull-request.yml), a few minutes: install the
# test dependencies, validate the content (as annotations on GitHub: `--format github`), lint, and
# the fast tests. `bash scripts/test.sh` runs everything, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh test
format=text
[ "${GITHUB_ACTIONS:-}" = true ] && format=github
.venv/bin/python -m toolbox validate --format "$format"
.venv/bin/ruff check
.venv/bin/ruff format --check
.venv/bin/mypy
.venv/bin/python -m pytest -q -m "not browser and not slow" "$@"
