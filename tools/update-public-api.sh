#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every packable project from the code: each file is reset to its header and
# filled with every public symbol that PublicAPI.Shipped.txt does not already hold, as the PublicApiAnalyzers' RS0016
# ("not part of the declared public API") names them in a build, sorted (LC_ALL=C). Run it after a deliberate change to
# the public surface (or after a merge that brings one) and review the diff: a line that disappears is an API removed,
# one that appears is an API added.
# At a release, --ship first moves every Unshipped line into PublicAPI.Shipped.txt (sorted, the header kept), so that
# the released surface becomes what later changes are checked against (a removal then shows as RS0017 against Shipped).
# Usage: tools/update-public-api.sh [--ship] [project.csproj ...]   (default: the three packages)
set -euo pipefail
cd "$(dirname "$0")/.."
ship=false
if [ "${1:-}" = "--ship" ]; then ship=true; shift; fi
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  projects=(src/Dual/Dual.csproj src/Dual.Gpu/Dual.Gpu.csproj src/Dual.MathNet/Dual.MathNet.csproj)
fi
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  if $ship && [ -f "$dir/PublicAPI.Unshipped.txt" ]; then
    { printf '#nullable enable\n'
      cat "$dir/PublicAPI.Shipped.txt" "$dir/PublicAPI.Unshipped.txt" | sed '/^#/d; /^$/d' | LC_ALL=C sort -u
    } > "$dir/PublicAPI.Shipped.txt.new"
    mv "$dir/PublicAPI.Shipped.txt.new" "$dir/PublicAPI.Shipped.txt"
  fi
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  # RS0016 names each undeclared symbol exactly as the file declares it. Its code fix (dotnet format analyzers) would
  # write the lines too, but skips symbols declared in source-generated files (the tangent blocks, the generated
  # functions: some 300 lines), so they are read from a full build's diagnostics instead, every target framework's,
  # each symbol once, sorted. Warnings stay warnings here, so that one build reports them all.
  log=$(mktemp)
  dotnet build "$project" -c Release --no-incremental -nologo -v q -clp:NoSummary \
    -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  { printf '#nullable enable\n'
    sed -n "s/.* warning RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" "$log" | LC_ALL=C sort -u
  } >"$dir/PublicAPI.Unshipped.txt"
  rm -f "$log"
  echo "$dir/PublicAPI.Unshipped.txt: $(grep -vc '^#' "$dir/PublicAPI.Unshipped.txt") entries"
done
# The surface must now build clean (warnings are errors): an RS0016/RS0017 left over means a symbol was not declared.
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release -nologo -v q
done
