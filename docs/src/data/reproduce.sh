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
# long NAME [JVM option…] -- COMMAND [option…]: a long-range run (minutes to hours), re-run only when named on the
# command line or with RNN_GRADIENTS_LONG=1 (each run directory's manifest.json records its command and time)
long() {
  local name=$1
  if [ ${#selected[@]} -gt 0 ] || [ "${RNN_GRADIENTS_LONG:-0}" = 1 ]; then run "$@"; fi
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

# The long-range study (issue 11): LSTM on both forms of the adding problem at T = 100, 500, 1000 until Hochreiter
# and Schmidhuber's stopping rule ST3 (the 2000 most recent training sequences all within 0.04, their MSE below 0.01)
# or a budget of 10^6 training sequences; test set of 2560 sequences as in the paper.
PAPER=(--stop-window 2000 --stop-mse 0.01 --test-size 2560 --budget 1000000)
for form in sum hochreiter; do
  for T in 100 500 1000; do
    every=$([ $T = 100 ] && echo 100 || echo 500)
    seeds=$([ $T = 100 ] && echo "1 2 3" || echo "1 2")
    for seed in $seeds; do
      long long-lstm-chrono-$form-T$T-s$seed -- adding --cell lstm --adding-form $form --chrono $T --steps $T \
        "${PAPER[@]}" --eval-every 500 --curve-every 50 --diagnostics-every $every --seed $seed
    done
  done
  long long-lstm-default-$form-T100-s1 -- adding --cell lstm --adding-form $form --steps 100 "${PAPER[@]}" \
    --eval-every 500 --curve-every 50 --diagnostics-every 1000
done
# Why the default LSTM fails Hochreiter's form at T = 100: one factor at a time, budget 10^5 sequences
DIAG=(--cell lstm --adding-form hochreiter --steps 100 --stop-window 2000 --stop-mse 0.01 --test-size 2560
      --budget 100000 --eval-every 500 --curve-every 50 --diagnostics-every 500)
long diag-hochreiter-T100-fb1-ib3 -- adding "${DIAG[@]}" --forget-bias 1 --input-bias -3
long diag-hochreiter-T100-fb3-ib3 -- adding "${DIAG[@]}" --forget-bias 3 --input-bias -3
long diag-hochreiter-T100-fb5 -- adding "${DIAG[@]}" --forget-bias 5
long diag-hochreiter-T100-fb5-ib3 -- adding "${DIAG[@]}" --forget-bias 5 --input-bias -3
long diag-hochreiter-T100-fb10-ib3 -- adding "${DIAG[@]}" --forget-bias 10 --input-bias -3
long diag-hochreiter-T100-adam-lr0.001 -- adding "${DIAG[@]}" --lr 0.001
long diag-hochreiter-T100-adam-lr0.003 -- adding "${DIAG[@]}" --lr 0.003
long diag-hochreiter-T100-orthogonal -- adding "${DIAG[@]}" --init orthogonal
# Text 001: optimisers on a vanilla RNN beyond its success length (sum form, budget 2*10^5 sequences)
OPT=(--cell rnn-tanh --steps 10,20,50,100 --stop-window 2000 --stop-mse 0.01 --test-size 2560 --budget 200000
     --eval-every 1000 --curve-every 100 --diagnostics-every 2500)
long optimiser-rnn-tanh-adam-lr0.001 -- adding "${OPT[@]}" --lr 0.001
long optimiser-rnn-tanh-adam-lr0.01 -- adding "${OPT[@]}" --lr 0.01
long optimiser-rnn-tanh-sgd-lr0.1 -- adding "${OPT[@]}" --optimiser sgd --lr 0.1
long optimiser-rnn-tanh-sgd-lr0.01-m0.9 -- adding "${OPT[@]}" --optimiser sgd --lr 0.01 --momentum 0.9
# The success length of each cell (sum form, PyTorch-default initialisation, budget 2*10^5 sequences)
SWEEP=(--adding-form sum --steps 10,20,50,100,200,500,1000 --stop-window 2000 --stop-mse 0.01 --test-size 2560
       --budget 200000 --eval-every 1000 --curve-every 100 --diagnostics-every 2500)
for cell in rnn-tanh gru; do
  long success-$cell-sum -- adding --cell $cell "${SWEEP[@]}"
done
# the default LSTM up to T = 200 (T = 500 and 1000 would take about an hour here; the chrono runs above cover them)
long success-lstm-sum -- adding --cell lstm --adding-form sum --steps 10,20,50,100,200 --stop-window 2000 --stop-mse 0.01 \
  --test-size 2560 --budget 200000 --eval-every 1000 --curve-every 100 --diagnostics-every 2500
# Lyapunov spectra during training, densely: the default LSTM learning its memory, and chrono starting with it (T = 100)
long lyapunov-lstm-default-sum-T100 -- adding --cell lstm --steps 100 "${PAPER[@]}" --eval-every 500 --curve-every 20 \
  --diagnostics-every 50
long lyapunov-lstm-chrono-sum-T100 -- adding --cell lstm --chrono 100 --steps 100 "${PAPER[@]}" --eval-every 500 \
  --curve-every 20 --diagnostics-every 20
