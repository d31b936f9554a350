#!/bin/sh
# build.sh - build the kernel image and, optionally, run the unit tests.
#
# Usage: tools/build.sh [options]
#
#   --release     optimised build (assertions stay on)
#   --test        also build and run the host unit tests
#   --tests-only  run the unit tests without building the kernel
#   --sanitize    build the unit tests with AddressSanitizer and UBSan
#   --clean       remove out/ first
#   -j N          parallel make jobs (default: number of processors)
#
# Picks x86_64-elf-gcc if it is on PATH; otherwise falls back to the host
# gcc when the host is x86-64 Linux. GCC 11 or later is required.

set -eu

config=debug
build_kernel=1
run_tests=0
sanitize=0
clean=0
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
min_gcc_major=11

usage() {
    sed -n '2,14s/^# \{0,1\}//p' "$0"
    exit "${1:-0}"
}

die() {
    echo "build.sh: $*" >&2
    exit 1
}

while [ $# -gt 0 ]; do
    case "$1" in
        --release)    config=release ;;
        --test)       run_tests=1 ;;
        --tests-only) run_tests=1; build_kernel=0 ;;
        --sanitize)   sanitize=1 ;;
        --clean)      clean=1 ;;
        -j)           shift; jobs="${1:?-j needs a number}" ;;
        -j*)          jobs="${1#-j}" ;;
        -h|--help)    usage 0 ;;
        *)            echo "build.sh: unknown option '$1'" >&2; usage 2 ;;
    esac
    shift
done

# Run from the repository root regardless of where we were invoked.
cd "$(dirname "$0")/.."

# Refuse compilers that predate the C11 and attribute support we rely on,
# rather than let them fail with an obscure diagnostic halfway through.
check_gcc() {
    compiler="$1"
    version=$("$compiler" -dumpversion 2>/dev/null) || die "cannot run $compiler"
    major=${version%%.*}
    if [ "$major" -lt "$min_gcc_major" ]; then
        die "$compiler is version $version; GCC $min_gcc_major or later is required"
    fi
}

if [ "$clean" -eq 1 ]; then
    make clean
fi

if [ "$build_kernel" -eq 1 ]; then
    if command -v x86_64-elf-gcc >/dev/null 2>&1; then
        cross=x86_64-elf-
    elif [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ]; then
        cross=
    else
        die "no x86_64-elf toolchain found and the host is not x86-64 Linux"
    fi
    check_gcc "${cross}gcc"

    echo "== kernel ($config, ${cross:-host} toolchain)"
    make -j "$jobs" CROSS="$cross" CONFIG="$config"
    if command -v "${cross}size" >/dev/null 2>&1; then
        "${cross}size" "out/$config/kernel.elf"
    fi
fi

if [ "$run_tests" -eq 1 ]; then
    check_gcc "${CC:-cc}"
    if [ "$sanitize" -eq 1 ]; then
        echo "== unit tests (AddressSanitizer, UBSan)"
    else
        echo "== unit tests"
    fi
    make -C tests SANITIZE="$sanitize"
fi
