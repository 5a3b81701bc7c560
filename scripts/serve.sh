#!/usr/bin/env bash
# Install what the site needs and preview it on http://127.0.0.1:8000 (use `build` to only build).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
bash scripts/install.sh site
if [ "${1:-serve}" = build ]; then exec .venv/bin/mkdocs build --strict; fi
exec .venv/bin/mkdocs serve
