#!/usr/bin/env bash
# Runs the highlighting benchmark (headless Chromium over HTTP) and prints its figures.
# Usage: src/test/bench/highlight-benchmark.sh [runs]
# Builds the corpus first (kernel-corpus.sh: the Linux kernel from Debian's linux-source-6.1, and a synthetic
# repository with 10,000 commits and a 5,000-entry folder) under ${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}.
set -euo pipefail
cd "$(dirname "$0")/../../.."
corpus=${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}
src/test/bench/kernel-corpus.sh "$corpus"
export JAVA_HOME=${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx4g ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.readingroom.bench.HighlightBenchmark "$corpus" "${1:-30}"
