#!/usr/bin/env bash
# Install everything (with the dev extra) and run every check: lint, format, types, tests.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
install_project ".[dev]"
ensure_chromium
.venv/bin/ruff check build_tools tests benchmarks
.venv/bin/ruff format --check build_tools tests benchmarks
.venv/bin/mypy
exec .venv/bin/pytest "$@"
