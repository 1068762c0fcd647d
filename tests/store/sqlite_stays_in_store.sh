#!/usr/bin/env bash
# CTest sqlite_stays_in_store (issue 14): SQLite stays inside the store stage. Outside src/store/,
# no file of src/ includes <sqlite3.h> or store/sqlite.h or names a sqlite3 type or function:
# analysis/, server/ and cli/ read the corpus through store/query.h. Comments say "SQLite".
#
#   bash tests/store/sqlite_stays_in_store.sh src
#
# Checks itself first on a planted file, so a broken pattern cannot pass silently.
set -euo pipefail
src=${1:?usage: sqlite_stays_in_store.sh SRC_DIR}
src=${src%/}

# Every line of a C++ file under $1, outside $1/store/, that reaches SQLite.
offenders() {
  grep -rnE --include='*.h' --include='*.cpp' \
    '#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|store/sqlite\.h)[>"]|\bsqlite3(_[A-Za-z0-9_]+)?\b' "$1" |
    grep -v "^$1/store/" || true
}

planted=$(mktemp -d)
trap 'rm -rf "$planted"' EXIT
mkdir -p "$planted/analysis" "$planted/server" "$planted/store"
printf '#include <sqlite3.h>\n' > "$planted/analysis/a.cpp"
printf 'struct sqlite3;\nint f(sqlite3* db);\n' > "$planted/server/b.h"
printf '#include "store/sqlite.h"\n' > "$planted/server/c.cpp"
printf '#include <sqlite3.h>\n' > "$planted/store/allowed.cpp"
if [ "$(offenders "$planted" | wc -l)" -ne 4 ]; then
  echo "sqlite_stays_in_store: the check itself is broken:" >&2
  offenders "$planted" >&2
  exit 1
fi

found=$(offenders "$src")
if [ -n "$found" ]; then
  echo "SQLite used outside src/store/ (read through store/query.h instead):" >&2
  echo "$found" >&2
  exit 1
fi
echo "sqlite_stays_in_store: no file above store/ reaches SQLite"
