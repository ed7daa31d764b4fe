#!/usr/bin/env bash
# Re-runs every experiment whose results the book reads, each into its own directory docs/src/data/<run>/
# (CSV files and manifest.json, replacing the recorded run). From the repository root:
#   mvn -B -DskipTests -pl analysis -am package      # builds the CLI jar
#   bash docs/src/data/reproduce.sh                  # all runs, one after another
#   bash docs/src/data/reproduce.sh adding-lstm-T100 # only the runs named
# Every run is seeded and deterministic; only the seconds and peak-heap columns depend on the machine.
# On a 2-core machine shared with other builds the whole script took 27 minutes (1606 s), of which
# adding-lstm-T1000 took 13 (792 s) and checkpoint-memory-checkpointed 5 (278 s).
set -euo pipefail
cd "$(dirname "$0")/../../.."

JAR=${JAR:-analysis/target/rnn-gradients-analysis-0.1.0-SNAPSHOT-cli.jar}
DATA=docs/src/data
if [ -n "${RNN_GRADIENTS_CP:-}" ]; then
  LAUNCH=(-cp "$RNN_GRADIENTS_CP" org.rnngradients.analysis.cli.RnnGradients)   # compiled classes instead of the jar
else
  LAUNCH=(-jar "$JAR")
fi

# run NAME [JVM option…] -- COMMAND [option…]
run() {
  local name=$1; shift
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done; shift
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then return; fi
  echo "== $name: rnn-gradients $*" >&2
  local start=$SECONDS
  java -Djava.awt.headless=true "${jvm[@]}" "${LAUNCH[@]}" "$@" --quiet --force --out "$DATA/$name" >/dev/null
  echo "   $((SECONDS - start)) s" >&2
}
selected=("$@")

run adding-vanilla -- adding --cell rnn-tanh --init pytorch --steps 5,10,20,40,80,160 --iterations 5000 --lr 0.003
run adding-vanilla-orthogonal -- adding --cell rnn-tanh --init orthogonal --steps 5,10,20,40,80,160 --iterations 5000 --lr 0.003
run adding-lstm-T100 -- adding --cell lstm --steps 100 --iterations 10000 --lr 0.01 --target 0.01
run adding-hochreiter-lstm-T100 -- adding --cell lstm --adding-form hochreiter --steps 100 --iterations 10000 --lr 0.01 --target 0.0005
run exploding-clipping -- clipping --iterations 500
run profile-agreement-T50 -- profiles --task agreement --steps 50
run truncation-bias-adding-T100 -- truncation --steps 100
run checkpoint-memory-full -Xmx1g -- checkpoint-memory --engine full --steps 1000,4000,10000
run checkpoint-memory-checkpointed -Xmx128m -- checkpoint-memory --engine checkpointed --steps 1000,10000,100000
run adding-lstm-T1000 -- adding --cell lstm --steps 1000 --iterations 4000 --lr 0.01 --target 0.01
