# Shared set-up for scripts/site.sh and scripts/test.sh: a virtual environment in .venv
# with the project installed. Works on a fresh Debian machine that has only Python 3.11.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian splits venv/ensurepip out of python3; install it when we can.
    rm -rf .venv
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      "$PYTHON" -m venv .venv
    else
      echo "error: '$PYTHON -m venv' failed; install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi

ensure_chromium() {
  # Browser tests drive Debian's Chromium; Playwright never downloads a browser. A Chinese
  # font lets it print a notice as text (the print test reads its PDF).
  if [ -x /usr/bin/chromium ] && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; then return 0; fi
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "error: install Chromium and a Chinese font" \
      "(sudo apt-get install chromium fonts-wqy-microhei)" >&2
    exit 1
  fi
}

install_project() {
  # $1: the pip requirement for the project, e.g. "." or ".[dev]"
  .venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
  .venv/bin/python -m pip install --quiet -e "$1"
}
