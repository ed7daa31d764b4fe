#!/usr/bin/env bash
# Side-by-side timing of this project against PyTorch (CPU) and NumPy on the same float64 workloads.
# Run on purpose from the repository root; the build and CI never run it. It takes 15-40 minutes.
#
#   docs/src/bench/compare.sh [ROUNDS]          (default 3 rounds)
#
# Python: set BENCH_PYTHON to an interpreter that has torch and numpy; otherwise the script makes a virtual
# environment in ${BENCH_VENV:-$HOME/.cache/rnn-gradients-bench} with the public CPU build of PyTorch:
#   python3 -m venv DIR && DIR/bin/pip install numpy && DIR/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
# Java: Maven compiles the benchmark classes (never `mvn install`) and prints their class path; MAVEN_FLAGS
# adds options to that call (for example -o to stay offline).
#
# Each round runs, for 1 thread and then for every core: ours, PyTorch, NumPy, one after the other, each in a
# fresh process that warms up (a few runs and at least one second) and times every workload (the median of
# several runs; one run for P3 and P4).
# Alternating the implementations within a round keeps their ratios meaningful on a machine whose load changes.
# Output, in docs/src/data/performance/: raw.csv (every round), summary.csv (medians over rounds and ratios),
# machine.csv (versions, BLAS libraries and cores, CPU, load average at the start and end, this command, the commit).
# Before rerunning on another machine, move the three files to docs/src/data/performance/earlier/NAME/ to keep
# that machine's column in the book.
set -euo pipefail
ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
OUT="$ROOT/docs/src/data/performance"
BENCH="$ROOT/docs/src/bench"
cd "$ROOT"
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CORES=$(nproc)

if [ -z "${BENCH_PYTHON:-}" ]; then
  VENV=${BENCH_VENV:-$HOME/.cache/rnn-gradients-bench}
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet numpy
    "$VENV/bin/pip" install --quiet torch --index-url https://download.pytorch.org/whl/cpu \
      || "$VENV/bin/pip" install --quiet torch      # where only the configured index (or a mirror) is reachable
  fi
  BENCH_PYTHON="$VENV/bin/python"
fi

mvn -B -q ${MAVEN_FLAGS:-} -DskipTests -pl analysis -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP=linalg/target/classes:cells/target/classes:bptt/target/classes:analysis/target/classes:analysis/target/test-classes
CP="$CP:$(cat analysis/target/bench-classpath.txt)"

ours() {      # threads round [scans]
  java -Drnngradients.backend=native -Drnngradients.threads="$1" -cp "$CP" \
      org.rnngradients.analysis.bench.SideBySide "${@:2}" 2>/dev/null
}
pytorch() {   # threads round [scans]
  OMP_NUM_THREADS="$1" MKL_NUM_THREADS="$1" "$BENCH_PYTHON" "$BENCH/workloads.py" torch "$@"
}
numpy_() {    # threads round [scans]; NumPy's own OpenBLAS picks its kernels itself
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$1" OMP_NUM_THREADS="$1" \
      "$BENCH_PYTHON" "$BENCH/workloads.py" numpy "$@"
}

RAW="$OUT/raw.csv"
echo "implementation,threads,round,workload,seconds,runs" > "$RAW.part"
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 "$CORES"; do
    scans=""
    if [ "$threads" = 1 ]; then scans=scans; fi           # the log-log scans at one thread only
    echo "round $round, $threads thread(s), load $(cut -d' ' -f1 /proc/loadavg)" >&2
    ours "$threads" "$round" $scans >> "$RAW.part"
    pytorch "$threads" "$round" $scans >> "$RAW.part"
    numpy_ "$threads" "$round" $scans >> "$RAW.part"
  done
done
mv "$RAW.part" "$RAW"

"$BENCH_PYTHON" "$BENCH/workloads.py" machine "$OUT/machine.csv" \
    "started=$STARTED" "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "load_average_at_start=$LOAD_START" "load_average_at_end=$(cut -d' ' -f1-3 /proc/loadavg)" \
    "command=docs/src/bench/compare.sh $ROUNDS" "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" "rounds=$ROUNDS" "cores=$CORES" \
    "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "os=$(uname -sr)" \
    "java=$(java -version 2>&1 | head -1)" "ours=$(ours 1 versions | grep '^description=' | cut -d= -f2-)"
"$BENCH_PYTHON" "$BENCH/summarise.py" "$RAW" "$OUT/summary.csv"
echo "wrote $OUT/raw.csv, summary.csv, machine.csv" >&2
