#!/usr/bin/env bash
# The test command: installs what is missing, checks that the committed .npy fixtures are
# exactly what NumPy writes, then runs the whole Maven test suite.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
/usr/bin/python3 scripts/make-npy-fixtures.py "$fresh" >/dev/null
if ! diff -r "$fresh" src/test/resources/npy >/dev/null; then
  echo "src/test/resources/npy differs from what scripts/make-npy-fixtures.py writes with this" \
       "NumPy; rerun the script and commit the result" >&2
  diff -rq "$fresh" src/test/resources/npy >&2 || true
  exit 1
fi

mvn -B -ntp test "$@"
