#!/usr/bin/env bash
# Update the lock files after changing a dependency range in pyproject.toml (or to take new releases).
# uv resolves in about a second and writes hashes for every platform's wheels (--universal), so a lock made
# here installs the same versions on any machine; pip installs the result, so only this script needs uv.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/uv ] || { [ -d .venv ] || python3 -m venv .venv; .venv/bin/python -m pip install -q 'uv>=0.5,<1'; }
compile() { .venv/bin/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --quiet "$@"; }
compile -o requirements/site.lock
compile --extra test -o requirements/test.lock
echo "requirements/site.lock and requirements/test.lock bijgewerkt; draai bash scripts/test.sh en neem ze op in je commit."
