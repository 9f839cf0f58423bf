#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every packable project from the code: each file is reset to its header and
# the PublicApiAnalyzers code fix for RS0016 ("not part of the declared public API") writes every public symbol that
# PublicAPI.Shipped.txt does not already hold. Run it after a deliberate change to the public surface (or after a merge
# that brings one) and review the diff: a line that disappears is an API removed, one that appears is an API added.
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
  dotnet restore "$project" >/dev/null
  # The fix-all adds the missing lines in sorted order; only the PublicAPI files change (no source file has RS0016 fixes).
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn --no-restore
  echo "$dir/PublicAPI.Unshipped.txt: $(grep -vc '^#' "$dir/PublicAPI.Unshipped.txt") entries"
done
# The surface must now build clean (warnings are errors): RS0016/RS0017 left over mean the fix could not declare a symbol.
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release --no-restore -nologo -v q
done
