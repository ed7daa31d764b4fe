#!/bin/sh
# Records the bad-input sweep's case counts per module in sweep-cases.csv (read by the book's testing appendix).
# Run from the repository root; it runs the four sweep tests once (both backends, as the build does) and keeps the
# line each module's completeness check prints:
#   bad-input sweep of org.rnngradients.M: C cases over K members; E members exempt with a reason, N with nothing
#   to pass badly (of P public members)
# (linalg's own tests of the sweep framework print small sweeps of their own; the largest count per module is the
# module's sweep.)
set -eu
out=docs/src/data/mutation/sweep-cases.csv
log=$(mktemp)
mvn -B -o -q -pl analysis -am test -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='LinalgBadInputSweepTest,CellsBadInputSweepTest,BpttBadInputSweepTest,AnalysisBadInputSweepTest' > "$log" 2>&1
{
  echo "module,cases,members_with_cases,exempt_with_reason,nothing_to_pass_badly,public_members"
  sed -n 's/^bad-input sweep of org\.rnngradients\.\([a-z]*\): \([0-9]*\) cases over \([0-9]*\) members; \([0-9]*\) members exempt with a reason, \([0-9]*\) with nothing to pass badly (of \([0-9]*\) public members)$/\1,\2,\3,\4,\5,\6/p' "$log" \
    | sort -t, -k1,1 -k2,2nr | awk -F, '!seen[$1]++' \
    | awk -F, '{o = ($1=="linalg")?1:($1=="cells")?2:($1=="bptt")?3:4; print o "," $0}' | sort -n | cut -d, -f2-
} > "$out"
rm -f "$log"
cat "$out"
