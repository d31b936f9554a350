#!/usr/bin/env bash
# Runs the ledger benchmark and prints its figures. Usage: src/test/bench/ledger-benchmark.sh [h2|postgres] [seconds] [writers]
# For postgres: start one (e.g. src/test/services/test-services.sh start) and set DB_URL, DB_USER, DB_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME=${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx8g \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.readingroom.bench.LedgerBenchmark "${1:-h2}" "${2:-20}" "${3:-16}"
