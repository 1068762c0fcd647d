#!/usr/bin/env bash
# Hashes of `gwr extract --format json` output, one line per input file of the shared corpus
# (../shared/corpus) and the dev corpus (../shared/devcorpus), so refactors and speed work can
# prove that output did not change (no report text is kept: only SHA-256 digests).
#
#   tests/eval/extract_hashes.sh GWR            print "file<TAB>sha256" for every input
#   tests/eval/extract_hashes.sh GWR --check    compare with tests/eval/extract_hashes.tsv; exit 1
#                                               and list the files whose output changed
#   tests/eval/extract_hashes.sh GWR --update   rewrite tests/eval/extract_hashes.tsv
# A changed hash is either a named fix (update the list in the same commit and say which files
# changed and why) or a mistake.
set -euo pipefail
gwr="$(realpath "$1")"; mode="${2:-}"
cd "$(dirname "$0")/../.."
list=tests/eval/extract_hashes.tsv
shared=../shared
if [ ! -d "$shared/corpus" ]; then echo "extract_hashes: $shared/corpus not found" >&2; exit 77; fi
hash_all() {
  for f in "$shared"/corpus/*.txt "$shared"/devcorpus/*/*.docx; do
    [ -f "$f" ] || continue
    h=$("$gwr" extract --format json "$f" 2>/dev/null | sha256sum | cut -d' ' -f1)
    printf '%s\t%s\n' "${f#"$shared"/}" "$h"
  done
}
case "$mode" in
  "") hash_all ;;
  --update) hash_all > "$list"; echo "extract_hashes: wrote $(wc -l < "$list") hashes to $list" ;;
  --check)
    now=$(mktemp); trap 'rm -f "$now"' EXIT
    hash_all > "$now"
    if diff <(sort "$list") <(sort "$now") > /dev/null; then
      echo "extract_hashes: $(wc -l < "$now") outputs identical to $list"
    else
      echo "extract_hashes: output changed for:" >&2
      join -t $'\t' <(sort "$list") <(sort "$now") | awk -F'\t' '$2 != $3 {print "  " $1}' >&2
      comm -3 <(cut -f1 "$list" | sort) <(cut -f1 "$now" | sort) | sed 's/^/  added or removed: /' >&2
      exit 1
    fi ;;
  *) echo "usage: $0 GWR [--check|--update]" >&2; exit 2 ;;
esac
