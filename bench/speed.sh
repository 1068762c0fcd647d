#!/usr/bin/env bash
# The speed benchmark of issue 11: every figure beside its reference, from one run.
#   bash bench/speed.sh [--quick] [--size-mb 50] [--build build] [--runs 3] [--work DIR] [--keep]
# Full run: about 10 minutes on 2 cores; writes bench/results/<date>-<commit>.json,
# bench/results/speed.png and the table in bench/README.md. --quick (CI): 5 MB, under 3 minutes,
# prints the table and writes nothing in the repository. Needs /usr/bin/python3 with matplotlib
# (python3-matplotlib), sqlite3 and node (scripts/setup.sh installs them). See bench/speed.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec /usr/bin/python3 bench/speed.py "$@"
