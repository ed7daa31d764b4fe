#!/usr/bin/env bash
# Reproduces docs/src/data/flossing-*/ (the runs of the gradient-flossing chapter). Run from the repository root.
# One run at a time, niced: the machine is shared. Each directory's manifest.json records its command and options,
# runs.csv the wall time of every run. Wall times recorded on the shared 2-core machine are in times.txt.
set -euo pipefail
mvn -B -q -pl analysis -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="analysis/target/classes:$(cat analysis/target/cp.txt)"
floss() { nice -n 10 java -cp "$CP" org.rnngradients.analysis.cli.RnnGradients floss --quiet --force "$@"; }
floss --lengths 40,80 --seeds 5 --out docs/src/data/flossing-adding
floss --lengths 40 --setups flossing --no-floss-term --seeds 5 --out docs/src/data/flossing-adding-phase-only
floss --lengths 40 --setups flossing --exponents 32 --seeds 5 --out docs/src/data/flossing-adding-k32
floss --lengths 40 --setups clipping,orthogonal,flossing --iterations 20000 --eval-every 1000 --seeds 5 --out docs/src/data/flossing-adding-long
