#!/usr/bin/env bash
# Prepares the large-repository benchmark corpus. Usage: src/test/bench/kernel-corpus.sh [target-dir]
# (default target-dir: ${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}). Creates, under target-dir:
#   linux.git      bare repo: the Debian linux-source-6.1 tree as one commit on main, tag release/6.1
#   synthetic.git  bare repo (git fast-import): 10,000 commits to history/log.c, 5,000 files in wide/,
#                  a 2,000-line src/big.c, tag release/1.0
# Idempotent: a repo that already exists (with its tag) is left alone; repos are built under a .tmp name
# and renamed when complete, so an interrupted run is simply redone. Needs root (or sudo) only to
# install linux-source-6.1 when /usr/src/linux-source-6.1.tar.xz is missing.
set -euo pipefail

TARGET=${1:-${READINGROOM_BENCH_DIR:-/var/tmp/readingroom-bench}}
TARBALL=/usr/src/linux-source-6.1.tar.xz
export LC_ALL=C
# Reproducible repos: ignore any system/global git config (signing, autocrlf, hooks, ...); identities
# and dates come from environment variables only.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
GIT=(git -c gc.auto=0 -c maintenance.auto=false -c init.defaultBranch=main)

mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)

STEP_NAME='' STEP_START=0
step() { STEP_NAME=$1; STEP_START=$(date +%s.%N); echo "==> $STEP_NAME"; }
skip() { echo "==> $1: skipped (${2})"; }
elapsed() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN{printf "%.1f", a-b}'; }
done_step() { echo "    done in $(elapsed "$STEP_START") s"; }

TOTAL_START=$(date +%s.%N)
# complete_repo DIR TAG: true when DIR is a bare repo whose HEAD is refs/heads/main and which has TAG
complete_repo() {
    [[ -d $1 ]] && [[ $(git --git-dir="$1" symbolic-ref -q HEAD 2>/dev/null) == refs/heads/main ]] \
        && git --git-dir="$1" rev-parse -q --verify "refs/tags/$2^{commit}" >/dev/null 2>&1 \
        && git --git-dir="$1" rev-parse -q --verify "refs/heads/main^{commit}" >/dev/null 2>&1
}

CLEANUP=()
cleanup() { local d; for d in "${CLEANUP[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------- 1. kernel
LINUX=$TARGET/linux.git
if complete_repo "$LINUX" release/6.1; then
    skip "linux.git" "$LINUX exists"
else
    if [[ -f $TARBALL ]]; then
        skip "install linux-source-6.1" "$TARBALL exists"
    else
        step "install linux-source-6.1 (apt-get)"
        SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
        install_pkg() {
            "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
                apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends linux-source-6.1
        }
        if ! install_pkg; then
            echo "    install failed; running apt-get update and retrying"
            "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update
            install_pkg
        fi
        [[ -f $TARBALL ]] || { echo "error: $TARBALL still missing after install" >&2; exit 1; }
        done_step
    fi

    WORK=$TARGET/linux-work.tmp
    TMPREPO=$TARGET/linux.git.tmp
    CLEANUP+=("$WORK" "$TMPREPO")
    rm -rf "$WORK" "$TMPREPO" "$LINUX"
    mkdir -p "$WORK"

    step "extract $TARBALL into $WORK"
    tar -x -f "$TARBALL" -C "$WORK" --strip-components=1 -I 'xz -T0'
    done_step

    export GIT_AUTHOR_NAME="Linux Source" GIT_AUTHOR_EMAIL=linux@bench.example
    export GIT_COMMITTER_NAME="Linux Source" GIT_COMMITTER_EMAIL=linux@bench.example
    export GIT_AUTHOR_DATE=2023-01-01T00:00:00Z GIT_COMMITTER_DATE=2023-01-01T00:00:00Z

    # The objects go straight into a bare repo (work tree given explicitly), which is the same as
    # committing in $WORK and cloning --bare, minus one copy of the objects.
    step "git add -A -f + commit (bare $TMPREPO, work tree $WORK)"
    "${GIT[@]}" init -q --bare -b main "$TMPREPO"
    G=("${GIT[@]}" --git-dir="$TMPREPO" --work-tree="$WORK")
    # loose objects are recompressed by the repack below, so write them cheaply
    "${G[@]}" -c core.looseCompression=1 add -A -f .
    "${G[@]}" commit -q --no-verify -m "Linux 6.1 source (Debian linux-source-6.1)"
    "${G[@]}" tag -a release/6.1 -m "Linux 6.1 (Debian linux-source-6.1)"
    rm -f "$TMPREPO/index"
    echo "    $("${GIT[@]}" --git-dir="$TMPREPO" log --oneline -1) ($("${GIT[@]}" --git-dir="$TMPREPO" ls-tree -r HEAD | wc -l) files)"
    done_step

    step "repack linux.git into one pack"
    "${GIT[@]}" --git-dir="$TMPREPO" repack -a -d -q
    "${GIT[@]}" --git-dir="$TMPREPO" prune-packed
    done_step

    step "clean up"
    mv "$TMPREPO" "$LINUX"
    rm -rf "$WORK"
    unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_DATE
    done_step
fi

# ------------------------------------------------------------------------------------------- 2. synthetic
SYNTH=$TARGET/synthetic.git
COMMITS=10000 WIDE=5000 BIG_LINES=2000

# Writes the fast-import stream on stdout.
synthetic_stream() {
    local who="Synthetic Bench <synthetic@bench.example>" t0=1704067200 # 2024-01-01T00:00:00Z
    local s n t i msg log
    emit() { printf 'data %d\n%s\n' "${#1}" "$1"; } # LC_ALL=C: ${#} counts bytes

    # src/big.c: 4 header lines + 199 functions x 10 lines + 6 footer lines = 2,000 lines
    local big
    big=$'/* src/big.c: generated benchmark source, 2000 lines. */\n#include <stddef.h>\n#include <stdint.h>\n\n'
    for ((i = 0; i < 199; i++)); do
        printf -v s '%s\n' \
            "/* big_fn_$i: mixes the input with constant $i" \
            " * in $((i % 7 + 1)) rounds. */" \
            "static uint32_t big_fn_$i(uint32_t x)" \
            "{" \
            "	uint32_t acc = x ^ ${i}u;" \
            "	for (size_t k = 0; k < $((i % 7 + 1)); k++)" \
            "		acc = (acc << 5) + acc + (uint32_t)k;" \
            "	return acc;" \
            "}" \
            ""
        big+=$s
    done
    big+=$'uint32_t big_all(uint32_t x)\n{\n\t/* chains a few of the functions above */\n\treturn big_fn_0(x) ^ big_fn_198(x);\n}\n/* end of src/big.c */\n'

    for ((n = 1; n <= COMMITS; n++)); do
        t=$((t0 + (n - 1) * 60))
        echo "commit refs/heads/main"
        ((n == COMMITS)) && echo "mark :1"
        echo "author $who $t +0000"
        echo "committer $who $t +0000"
        emit "Change $n to history/log.c"
        if ((n == 1)); then
            echo "M 100644 inline src/big.c"
            emit "$big"
            for ((i = 0; i < WIDE; i++)); do
                printf -v s 'wide/file-%05d.c' "$i"
                echo "M 100644 inline $s"
                printf -v s '/* %s */\nint wide_%05d(int x)\n{\n\treturn x * %d + 1;\n}\n' "$s" "$i" "$i"
                emit "$s"
            done
        fi
        # history/log.c keeps a header and the last 50 changes
        log="/* history/log.c: the last changes to this file */"$'\n'
        for ((i = (n > 50 ? n - 49 : 1); i <= n; i++)); do log+="/* change $i */"$'\n'; done
        echo "M 100644 inline history/log.c"
        emit "$log"
    done
    echo "tag release/1.0"
    echo "from :1"
    echo "tagger $who $((t0 + (COMMITS - 1) * 60)) +0000"
    emit "Release 1.0 of the synthetic benchmark repository"
}

if complete_repo "$SYNTH" release/1.0; then
    skip "synthetic.git" "$SYNTH exists"
else
    TMPREPO=$TARGET/synthetic.git.tmp
    CLEANUP+=("$TMPREPO")
    rm -rf "$TMPREPO" "$SYNTH"
    step "git fast-import synthetic.git ($COMMITS commits, $WIDE files in wide/, $BIG_LINES-line src/big.c)"
    "${GIT[@]}" init -q --bare -b main "$TMPREPO"
    synthetic_stream | "${GIT[@]}" --git-dir="$TMPREPO" fast-import --quiet
    lines=$(git --git-dir="$TMPREPO" cat-file blob HEAD:src/big.c | wc -l)
    [[ $lines -eq $BIG_LINES ]] || { echo "error: src/big.c has $lines lines" >&2; exit 1; }
    done_step
    step "repack synthetic.git into one pack"
    "${GIT[@]}" --git-dir="$TMPREPO" repack -a -d -q
    mv "$TMPREPO" "$SYNTH"
    done_step
fi

# --------------------------------------------------------------------------------------------- 3. summary
step "summary"
for repo in "$LINUX" "$SYNTH"; do
    echo "$repo"
    git --git-dir="$repo" count-objects -vH | sed -n 's/^\(count\|size\|in-pack\|packs\|size-pack\): /    \1: /p'
    echo "    files at HEAD: $(git --git-dir="$repo" ls-tree -r HEAD | wc -l)"
    echo "    commits:       $(git --git-dir="$repo" rev-list --count HEAD)"
    echo "    refs:          $(git --git-dir="$repo" for-each-ref --format='%(refname)' | tr '\n' ' ')"
done

# A real kernel file of ~2,000 lines: the .c file under kernel/ or mm/ closest to 2,000 lines
# (1,900-2,200), else any .c file in the tree. Blob sizes pre-filter the candidates.
pick_file() {
    git --git-dir="$LINUX" ls-tree -r -l HEAD -- "$@" \
        | awk '$2 == "blob" && $4 >= 20000 && $4 <= 160000 && $5 ~ /\.c$/ {print $3, $5}' \
        | while read -r sha path; do
            echo "$(git --git-dir="$LINUX" cat-file blob "$sha" | wc -l) $path"
        done \
        | awk '$1 >= 1900 && $1 <= 2200 {d = $1 - 2000; if (d < 0) d = -d; print d, $1, $2}' \
        | sort -n -k1,1 -k3,3 | head -1 | cut -d' ' -f2-
}
picked=$(pick_file kernel mm)
[[ -n $picked ]] || picked=$(pick_file)
echo "kernel file of ~2,000 lines: ${picked#* } (${picked%% *} lines)"

# Largest folder by direct entries (files, symlinks, submodules and subfolders)
git --git-dir="$LINUX" ls-tree -r -t --name-only HEAD \
    | awk '{ p = $0; if (sub(/\/[^\/]*$/, "", p) == 0) p = "."; n[p]++ }
           END { for (p in n) if (n[p] > max || (n[p] == max && p < best)) { max = n[p]; best = p }
                 print "largest kernel folder: " best "/ (" max " direct entries)" }'
done_step
echo "total: $(elapsed "$TOTAL_START") s"
