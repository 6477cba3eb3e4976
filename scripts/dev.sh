#!/usr/bin/env bash
# Paper Digest developer entry point. Works on a fresh machine (CI) and is fast on a prepared one.
#
#   bash scripts/dev.sh serve [mkdocs serve args]   install runtime deps, build and serve the site
#   bash scripts/dev.sh build [mkdocs build args]   install runtime deps, `mkdocs build --strict`
#   bash scripts/dev.sh test  [pytest args]         install everything, run the whole suite incl. quality gates
#   bash scripts/dev.sh install [runtime|test]      only install (default: test = everything)
#   bash scripts/dev.sh lock                        pin the newest versions pyproject.toml allows into constraints.txt
#
# Every install step is idempotent and skipped when its inputs have not changed:
#   Python  -> .venv (pip install -c constraints.txt -e '.[test]'), keyed on the hash of pyproject.toml and the pins
#   Debian  -> chromium, fonts-nanum (and default-jre-headless when `java` is missing); apt runs only if one is missing
#   npm     -> tools/node_modules (npm ci --prefix tools), keyed on the hash of tools/package-lock.json
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# Playwright (pip) drives Debian's /usr/bin/chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'scripts/dev.sh: error: %s\n' "$*" >&2; exit 1; }

hash_of() { sha256sum "$@" | sha256sum | cut -c1-64; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

install_python() {
  local extras="$1"  # "" for runtime only, "[test]" for everything
  if [ ! -x "$PY" ]; then
    local base
    base="$(command -v python3.11 || command -v python3 || true)"
    [ -n "$base" ] || die "python3 (>= 3.11) not found; install it first (Debian: apt-get install python3 python3-venv)"
    log "creating virtualenv .venv with $base"
    "$base" -m venv "$VENV"
  fi
  local stamp="$VENV/.paper-digest-deps$extras" want s
  want="$(hash_of pyproject.toml constraints.txt)"
  # The full install ("[test]") also satisfies the runtime one.
  for s in "$stamp" "$VENV/.paper-digest-deps[test]"; do
    if [ -f "$s" ] && [ "$(cat "$s")" = "$want" ]; then
      return 0
    fi
  done
  log "pip install -e '.$extras' into .venv"
  "$PY" -m pip install --quiet --upgrade "pip>=24" "setuptools>=69" wheel
  "$PY" -m pip install --quiet -c constraints.txt -e ".$extras"
  echo "$want" >"$stamp"
}

install_debian() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg-query -W -f='${Status}' fonts-nanum 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-nanum)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing system packages (${missing[*]}) and no apt-get: install them by hand"
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_fonts() {
  # The Korean font social preview cards are drawn with; without it (no apt, no root) the site builds without cards.
  dpkg-query -W -f='${Status}' fonts-nanum 2>/dev/null | grep -q 'install ok installed' && return 0
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; }; then
    log "apt-get install fonts-nanum"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-nanum >/dev/null
  else
    log "fonts-nanum is not installed: pages get no social preview card (install it to have them)"
  fi
}

install_npm() {
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js (Debian: apt-get install nodejs npm)"
  local stamp="$ROOT/tools/node_modules/.paper-digest-lock" want
  want="$(hash_of tools/package.json tools/package-lock.json)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  log "npm ci --prefix tools"
  # --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime; we use Debian's java.
  npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

install_all() {
  install_debian
  install_python "[test]"
  install_npm
}

cmd="${1:-test}"
shift || true
case "$cmd" in
  install)
    case "${1:-test}" in
      runtime) install_python "" ;;
      test) install_all ;;
      *) die "unknown install target '${1}': use runtime or test" ;;
    esac
    ;;
  serve)
    install_python ""
    install_fonts
    exec "$VENV/bin/mkdocs" serve "$@"
    ;;
  build)
    install_python ""
    install_fonts
    exec "$VENV/bin/mkdocs" build --strict "$@"
    ;;
  test)
    install_all
    export PATH="$VENV/bin:$PATH"
    log "pytest"
    set +e
    "$VENV/bin/pytest" -ra "$@"
    rc=$?
    set -e
    # pytest exits 5 when it collected no test: a suite that ran nothing has failed.
    if [ "$rc" -eq 5 ]; then
      echo "scripts/dev.sh: error: pytest collected no tests; a run without tests is a failure" >&2
      exit 1
    fi
    exit "$rc"
    ;;
  lock)
    # The newest versions the ranges of pyproject.toml allow, installed into a fresh virtualenv and pinned; then
    # `bash scripts/dev.sh test` runs the whole suite on them (CI and the deploy install exactly these).
    base="$(command -v python3.11 || command -v python3 || true)"
    [ -n "$base" ] || die "python3 (>= 3.11) not found"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    log "resolving the newest allowed versions in a fresh virtualenv"
    "$base" -m venv "$tmp/venv"
    "$tmp/venv/bin/python" -m pip install --quiet --upgrade "pip>=24"
    "$tmp/venv/bin/python" -m pip install --quiet -e ".[test]"
    {
      echo "# Pinned versions of every dependency (runtime and test), used by scripts/dev.sh and the deploy workflow."
      echo "# Refresh with: bash scripts/dev.sh lock (the newest versions pyproject.toml allows), then run the tests."
      "$tmp/venv/bin/python" -m pip freeze --exclude-editable
    } >constraints.txt
    log "wrote constraints.txt ($(grep -vc '^#' constraints.txt) pins)"
    ;;
  -h|--help|help)
    sed -n '2,14p' "$0"
    ;;
  *)
    die "unknown command '$cmd': use serve, build, test, install or lock (see bash scripts/dev.sh help)"
    ;;
esac
