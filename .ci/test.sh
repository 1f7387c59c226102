#!/usr/bin/env bash
# The one test command (README.md "Run the tests"): installs what the tests need, builds, runs every test.
# Works on a fresh machine of this kind: .NET SDK 10, Node 20 + npm, moto_server and cfn-lint preinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# moto_server and cfn-lint live in pyenv's shims on these machines; make sure they are found.
[ -d "$HOME/.pyenv/shims" ] && export PATH="$PATH:$HOME/.pyenv/shims"

for tool in dotnet node npm moto_server cfn-lint; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: '$tool' is not on PATH; see README.md (Requirements)." >&2; exit 1; }
done

echo "== npm install (tests/interop: DuckDB, hyparquet; exact versions from package.json + package-lock.json)"
# Not 'npm ci': this registry lacks DuckDB's optional bindings for other platforms, so the lock file cannot list
# them and 'npm ci' refuses it; 'npm install --no-save' installs the same pinned versions without rewriting the lock.
(cd tests/interop && npm install --no-audit --no-fund --no-save --loglevel=error)

echo "== cfn-lint template.yaml"
cfn-lint template.yaml

echo "== dotnet build"
dotnet build Serverless.sln -c Release --nologo -v minimal

echo "== dotnet test"
log=$(mktemp)
set +e
dotnet test Serverless.sln -c Release --no-build --nologo -v minimal \
  --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line across all test assemblies ("N passed, N failed").
count() { { grep -oE "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
echo "tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
rm -f "$log"
exit "$status"
