#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12, desktop preset, Debian's Chromium) on the home page, one issue and one paper page
# in Korean and English. Prints the four category scores per page and writes them as JSON.
#
#   bash scripts/lighthouse.sh [SITE_DIR]
#
# SITE_DIR: an already built site (default: `mkdocs build --strict` into a temp dir first, with SITE_URL set to
#           the loopback address the script serves it at).
# LIGHTHOUSE_OUT: folder for the reports and summary.json (default: tests/artifacts/lighthouse).
# Gating (accessibility, best-practices, SEO >= 0.95) is done by tests/gates/test_gate_lighthouse.py;
# performance is printed only. Needs `bash scripts/dev.sh install` first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
LH="$ROOT/tools/node_modules/.bin/lighthouse"
OUT="${LIGHTHOUSE_OUT:-$ROOT/tests/artifacts/lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"

[ -x "$LH" ] || { echo "scripts/lighthouse.sh: error: $LH missing: run bash scripts/dev.sh install" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "scripts/lighthouse.sh: error: $CHROME_PATH missing: run bash scripts/dev.sh install" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT"/*.json

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
SITE="${1:-}"
if [ -z "$SITE" ]; then
  # built for the address it is served at, as a deployed site is (canonical and hreflang URLs included)
  SITE="$TMP/site"
  (cd "$ROOT" && SITE_URL="http://127.0.0.1:$PORT/" "$PY" -m mkdocs build --strict --quiet --site-dir "$SITE")
fi
[ -f "$SITE/index.html" ] || { echo "scripts/lighthouse.sh: error: $SITE/index.html missing: not a built site" >&2; exit 1; }

"$PY" -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do
  "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
  sleep 0.1
done

PAGES="$("$PY" "$ROOT/tests/sitemap.py" "$SITE")"
printf '%-4s %-6s %-55s %5s %5s %5s %5s\n' lang kind url perf a11y bp seo
while read -r lang kind path; do
  url="http://127.0.0.1:$PORT$path"
  report="$OUT/$lang-$kind.json"
  "$LH" "$url" --preset=desktop --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$CHROME_FLAGS" --max-wait-for-load=60000
  "$PY" - "$report" "$lang" "$kind" "$path" <<'PYEOF'
import json, sys
report, lang, kind, path = sys.argv[1:]
cats = json.load(open(report, encoding="utf-8"))["categories"]
s = {k: cats[k]["score"] for k in ("performance", "accessibility", "best-practices", "seo")}
fmt = lambda v: "  n/a" if v is None else f"{v:5.2f}"
print(f"{lang:<4} {kind:<6} {path:<55} " + " ".join(fmt(v) for v in s.values()))
PYEOF
done <<<"$PAGES"

"$PY" - "$OUT" <<'PYEOF'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
summary = {}
for report in sorted(out.glob("*-*.json")):
    data = json.loads(report.read_text(encoding="utf-8"))
    failed = {
        a["id"]: a["title"]
        for cat in ("accessibility", "best-practices", "seo")
        for ref in data["categories"][cat]["auditRefs"]
        if ref["weight"] > 0 and (a := data["audits"][ref["id"]])["score"] is not None and a["score"] < 1
    }
    summary[report.stem] = {
        "url": data["finalDisplayedUrl"],
        "scores": {k: v["score"] for k, v in data["categories"].items()},
        "failed_audits": failed,
    }
(out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
print(f"reports and summary.json in {out}")
PYEOF
