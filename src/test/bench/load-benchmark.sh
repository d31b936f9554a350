#!/usr/bin/env bash
# Runs the soak of the machine API (LoadBenchmark): N clients with personal access tokens read kernel files and
# search over HTTP for S seconds; prints latencies, errors, the heap after GC per minute, and checks the audit log.
# Usage: src/test/bench/load-benchmark.sh [seconds=600] [clients=50] [h2|postgres] [search-every=10 (0: no searches)]
#        [calls per second per client, 0 = no pause]
# Needs the corpus of kernel-corpus.sh and the kernel index that search-benchmark.sh keeps in search-index-queries
# (built by the first run if missing) under ${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}.
# For postgres: start one (e.g. src/test/services/test-services.sh start) and set DB_URL, DB_USER, DB_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../../.."
corpus=${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}
src/test/bench/kernel-corpus.sh "$corpus"
# The same working clone and checkout as the search benchmark's (it may not have run on this machine).
if ! command -v ctags >/dev/null; then
    SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends universal-ctags
fi
[[ -d $corpus/linux-work.git ]] || git clone -q --bare --shared "$corpus/linux.git" "$corpus/linux-work.git"
if [[ ! -f $corpus/linux-src/Makefile ]]; then
    rm -rf "$corpus/linux-src"; mkdir -p "$corpus/linux-src"
    git --git-dir="$corpus/linux.git" archive refs/tags/release/6.1 | tar -x -C "$corpus/linux-src"
fi
export JAVA_HOME=${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx2g ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.readingroom.bench.LoadBenchmark "$corpus" "${1:-600}" "${2:-50}" "${3:-h2}" "${4:-10}" "${5:-0}"
