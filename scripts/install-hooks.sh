#!/usr/bin/env bash
# Install the test dependencies (pre-commit is in requirements/test.lock) and the git hooks of
# .pre-commit-config.yaml, so `toolbox validate` runs before every commit (CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
.venv/bin/pre-commit install
