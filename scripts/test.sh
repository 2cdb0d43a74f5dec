#!/usr/bin/env bash
# The test command: installs what is missing, checks that the committed .npy fixtures are
# exactly what NumPy writes, runs the whole Maven test suite, then the integration test on a
# real two-worker Spark standalone cluster (scripts/cluster-test.sh; SPARKMLP_SKIP_CLUSTER=1
# skips it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh all

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
/usr/bin/python3 scripts/make-npy-fixtures.py "$fresh" >/dev/null
if ! diff -r "$fresh" src/test/resources/npy >/dev/null; then
  echo "src/test/resources/npy differs from what scripts/make-npy-fixtures.py writes with this" \
       "NumPy; rerun the script and commit the result" >&2
  diff -rq "$fresh" src/test/resources/npy >&2 || true
  exit 1
fi

# setup.sh installed NumPy: the Python loader's test (PythonLoaderTest) must run, not skip.
SPARKMLP_REQUIRE_NUMPY=1 mvn -B -ntp test "$@"

if [ "${SPARKMLP_SKIP_CLUSTER:-0}" != 1 ]; then
  scripts/cluster-test.sh
fi
