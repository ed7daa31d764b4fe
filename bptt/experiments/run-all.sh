#!/usr/bin/env bash
# Reproduces every CSV in bptt/experiments/results. Run from the repository root:
#   bash bptt/experiments/run-all.sh
# Each step is seeded; on a shared 2-core machine the whole script takes roughly 15-25 minutes,
# most of it the LSTM checkpoint-memory run at T = 100,000.
set -euo pipefail
mvn -B -q -pl bptt -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="bptt/target/classes:$(cat bptt/target/cp.txt)"
E=org.rnngradients.bptt.experiments

java -cp "$CP" $E.AddingProblemExperiment vanilla lengths=5,10,20,40,80,160 steps=5000
java -cp "$CP" $E.AddingProblemExperiment vanilla init=orthogonal lengths=5,10,20,40,80,160 steps=5000
java -cp "$CP" $E.AddingProblemExperiment lstm length=100 steps=10000 target=0.01
java -cp "$CP" $E.AddingProblemExperiment lstm length=1000 steps=4000 target=0.01
java -cp "$CP" $E.AddingProblemExperiment lstm form=hochreiter length=100 steps=10000 target=0.0005
java -cp "$CP" $E.ExplodingGradientExperiment steps=500
java -cp "$CP" $E.GradientProfileExperiment gap=48
java -cp "$CP" $E.TruncationBiasExperiment length=100
java -Xmx1g -cp "$CP" $E.CheckpointMemoryExperiment engine=full lengths=1000,4000,10000
java -Xmx128m -cp "$CP" $E.CheckpointMemoryExperiment engine=checkpointed lengths=1000,10000,100000
