#!/bin/sh
# build.sh - build the kernel image and, optionally, run the unit tests.
#
# Usage: tools/build.sh [--release] [--test] [--clean] [-j N]
#
# Picks x86_64-elf-gcc if it is on PATH; otherwise falls back to the host
# gcc when the host is x86-64 Linux.

set -eu

config=debug
run_tests=0
clean=0
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

usage() {
    sed -n '2,7s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --release) config=release ;;
        --test)    run_tests=1 ;;
        --clean)   clean=1 ;;
        -j)        shift; jobs="${1:?-j needs a number}" ;;
        -h|--help) usage 0 ;;
        *)         echo "build.sh: unknown option '$1'" >&2; usage 2 ;;
    esac
    shift
done

# Run from the repository root regardless of where we were invoked.
cd "$(dirname "$0")/.."

if command -v x86_64-elf-gcc >/dev/null 2>&1; then
    cross=x86_64-elf-
elif [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
    cross=
else
    echo "build.sh: no x86_64-elf toolchain found and the host is not x86-64 Linux" >&2
    exit 1
fi

if [ "$clean" -eq 1 ]; then
    make clean
fi

echo "== kernel ($config, ${cross:-host} toolchain)"
make -j "$jobs" CROSS="$cross" CONFIG="$config"

if [ "$run_tests" -eq 1 ]; then
    echo "== unit tests"
    make -C tests
fi
