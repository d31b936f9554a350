#!/usr/bin/env bash
# Commits a change to N files on a bare repository's main branch without a work tree (each file gets one line
# appended), optionally tags the result. Usage: touch-files.sh GIT_DIR N STEP [TAG]
# Files are every STEP-th *.c file in path order, so runs with other STEP values touch other files.
set -euo pipefail
GIT_DIR=$1 N=$2 STEP=$3 TAG=${4:-}
export GIT_DIR LC_ALL=C GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.test" GIT_COMMITTER_NAME="Bench"
export GIT_COMMITTER_EMAIL="bench@example.test"
index=$(mktemp); trap 'rm -f "$index"' EXIT
export GIT_INDEX_FILE=$index
git read-tree refs/heads/main
count=0
while read -r mode type blob path; do
    [[ $type == blob ]] || continue
    new=$( { git cat-file blob "$blob"; printf '\n/* touched by the search benchmark %s */\n' "$STEP"; } | git hash-object -w --stdin)
    git update-index --cacheinfo "$mode,$new,$path"
    count=$((count + 1))
done < <(git ls-tree -r refs/heads/main | awk -v step="$STEP" '$4 ~ /\.c$/ && (++n % step) == 0' | head -n "$N")
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p refs/heads/main -m "Touch $count files (step $STEP)")
git update-ref refs/heads/main "$commit"
[[ -z $TAG ]] || git tag -a -m "$TAG" "$TAG" "$commit"
echo "$count files changed in $commit"
