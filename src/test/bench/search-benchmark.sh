#!/usr/bin/env bash
# Runs the code-search benchmark and prints its figures (see BENCHMARKS.md).
# Usage: src/test/bench/search-benchmark.sh [runs-per-query] [all|queries]
#   all (default): index three releases, then the kernel (timed), re-index after a 10-file commit, run the queries;
#   queries: the queries only, on an index kept under the corpus folder between runs.
# Prepares what is missing under ${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}:
#   linux.git            (kernel-corpus.sh) the Debian linux-source-6.1 tree, tag release/6.1
#   linux-3releases.git  the same plus two releases, each changing 800 *.c files (tags release/6.1.1, 6.1.2)
#   linux-work.git       a fresh shared clone of linux.git per run, which the benchmark commits to
#   linux-src/           the tree checked out, for ripgrep
# and installs ripgrep (apt) when it is missing. Each index is built through the application's own indexer, in a
# JVM limited to 1.5 GB of heap.
set -euo pipefail
cd "$(dirname "$0")/../../.."
corpus=${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}
src/test/bench/kernel-corpus.sh "$corpus"
if ! command -v rg >/dev/null; then
    SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ripgrep
fi
if ! command -v ctags >/dev/null; then
    SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends universal-ctags
fi
if [[ ! -d $corpus/linux-3releases.git ]]; then
    echo "==> linux-3releases.git"
    git clone -q --bare "$corpus/linux.git" "$corpus/linux-3releases.tmp"
    src/test/bench/touch-files.sh "$corpus/linux-3releases.tmp" 800 40 release/6.1.1
    src/test/bench/touch-files.sh "$corpus/linux-3releases.tmp" 800 41 release/6.1.2
    mv "$corpus/linux-3releases.tmp" "$corpus/linux-3releases.git"
fi
rm -rf "$corpus/linux-work.git"
git clone -q --bare --shared "$corpus/linux.git" "$corpus/linux-work.git"
if [[ ! -f $corpus/linux-src/Makefile ]]; then
    echo "==> linux-src (checkout for ripgrep)"
    rm -rf "$corpus/linux-src"; mkdir -p "$corpus/linux-src"
    git --git-dir="$corpus/linux.git" archive refs/tags/release/6.1 | tar -x -C "$corpus/linux-src"
fi
export JAVA_HOME=${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
run() {
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx1536m ${BENCH_JAVA_OPTS:-} \
        -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
        com.readingroom.bench.SearchBenchmark "$corpus" "$@"
}
if [[ ${2:-all} == queries ]]; then
    run queries "${1:-50}"
else
    run three-releases
    run kernel "${1:-50}"
fi
