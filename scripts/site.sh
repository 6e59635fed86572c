#!/usr/bin/env bash
# Install everything and build the site into site/ (strict), all or nothing: MkDocs builds into
# a temporary folder beside site/ that replaces it only when the build succeeded
# (python -m build_tools publish). `scripts/site.sh serve` serves the site on
# http://127.0.0.1:8000 and rebuilds when source_texts/, build_tools/ or docs/ change.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
install_project "."
case "${1:-build}" in
  build) exec .venv/bin/python -m build_tools publish --strict ;;
  serve) exec .venv/bin/mkdocs serve --dev-addr "${2:-127.0.0.1:8000}" ;;
  *) echo "usage: scripts/site.sh [build|serve [ADDR]]" >&2; exit 2 ;;
esac
