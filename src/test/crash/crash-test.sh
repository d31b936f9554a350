#!/usr/bin/env bash
# The kill -9 test of the ledger (CrashRecoveryIT) in its long form: more rounds and longer loads than the five short
# rounds `./mvnw verify` runs in CI. Needs what `./mvnw verify` needs (it starts the test PostgreSQL itself).
#   src/test/crash/crash-test.sh [rounds=20] [longest load before a kill, seconds=30] [clients=20]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-20}
max_load=${2:-30}
clients=${3:-20}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashRecoveryIT \
    -Dreadingroom.crash.rounds="$rounds" -Dreadingroom.crash.max-load="$max_load" \
    -Dreadingroom.crash.clients="$clients" > target/crash-test.log 2>&1 && status=0 || status=$?
grep -E 'Crash round|Tests run:|BUILD|FAIL' target/crash-test.log || true
exit $status
