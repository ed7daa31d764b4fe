#!/usr/bin/env bash
# Times the README's test command on a fresh clone (goal P6) and records it in docs/src/data/performance/build.csv.
# Run on purpose from the repository root, on a quiet machine; CI never runs it. Maven's dependencies are taken
# from ~/.m2 when they are already there (MAVEN_FLAGS=-o keeps Maven offline), so the time is the build and its
# tests on both backends, not the download.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$ROOT/docs/src/data/performance/build.csv"
CLONE=$(mktemp -d)
trap 'rm -rf "$CLONE"' EXIT
git clone -q "$ROOT" "$CLONE/repo"
cd "$CLONE/repo"
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
START=$(date +%s.%N)
mvn -B ${MAVEN_FLAGS:-} verify > "$CLONE/build.log" 2>&1 || { tail -30 "$CLONE/build.log" >&2; exit 1; }
END=$(date +%s.%N)
TESTS=$(awk '/Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ && !/ -- in / {
          gsub(/,/, ""); run += $4 } END { print run }' "$CLONE/build.log")
SECONDS_TAKEN=$(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.1f", b - a }')
CONDITIONS="fresh clone of $(git rev-parse --short HEAD), dependencies in ~/.m2, $(nproc) cores, load average $LOAD_START at the start and $(cut -d' ' -f1 /proc/loadavg) at the end, $TESTS tests"
{
  echo "seconds,command,conditions,date"
  printf '%.1f,"mvn -B verify","%s",%s\n' "$SECONDS_TAKEN" "$CONDITIONS" "$(date -u +%Y-%m-%dT%H:%MZ)"
} > "$OUT.part"
mv "$OUT.part" "$OUT"
echo "wrote $OUT: ${SECONDS_TAKEN} s" >&2
