#!/bin/sh
# Prints the scores.csv row of one module from the report of the PIT run just made (run from the repository root,
# after the command in README.md):   docs/src/data/mutation/record-score.sh cells >> docs/src/data/mutation/scores.csv
# score_percent = (KILLED + TIMED_OUT + MEMORY_ERROR + RUN_ERROR) / mutants, PIT's own "killed" figure (a mutant
# that hangs, exhausts memory or crashes the test JVM has been detected); killed_percent = KILLED / mutants.
# Survivors and mutants without coverage count against both.
set -eu
v=$(sed -n "s:.*<pitest.version>\(.*\)</pitest.version>.*:\1:p" pom.xml)
module=$1
csv=$module/target/pit-reports/mutations.csv
date=${2:-$(date -u +%F)}
awk -F, -v m="$module" -v d="$date" -v v="$v" '
  { n++; s[$6]++ }
  END {
    det = s["KILLED"] + s["TIMED_OUT"] + s["MEMORY_ERROR"] + s["RUN_ERROR"]
    printf "%s,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%s,%s,%s\n", m, n, s["KILLED"], s["SURVIVED"], s["NO_COVERAGE"],
      s["TIMED_OUT"], s["RUN_ERROR"], s["MEMORY_ERROR"], 100 * det / n, 100 * s["KILLED"] / n, v, d,
      "nice -n 10 mvn -B -o -Pmutation -Dmutation.module=" m " -pl " m " -am test-compile org.pitest:pitest-maven:mutationCoverage"
  }' "$csv"
