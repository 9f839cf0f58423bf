#!/usr/bin/env bash
# The generated entry points ([Differentiable] plain double code) against the C++ anchors of the side-by-side harness,
# in one run on this machine: same inputs, same timing method, both pinned to one core, C++ and C# alternated ROUNDS
# times (default 3). Needs the C++ anchors that ../../../shared/perf/run-side-by-side.sh builds (run it once first).
#
#   tools/perf/generated-side-by-side.sh            # every workload (A, B, C, D), about 4 minutes per round
#   BENCH_ONLY=B,D ROUNDS=2 tools/perf/generated-side-by-side.sh
#
# Output: OUT (default ~/.cache/dual-perf/generated) holds cppN.tsv and csN.tsv per round, and the table printed at
# the end (best of the rounds per method, then the best Dual AD time against the best C++ AD time per workload).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
anchors=${ANCHORS:-$HOME/.cache/dual-perf/anchors}
out=${OUT:-$HOME/.cache/dual-perf/generated}
rounds=${ROUNDS:-3}
core=${CORE:-1}
if [[ ! -x $anchors ]]; then
  echo "no C++ anchors at $anchors: run ../shared/perf/run-side-by-side.sh once (it builds them), or set ANCHORS" >&2
  exit 2
fi
mkdir -p "$out"
rm -f "$out"/cpp*.tsv "$out"/cs*.tsv
dotnet build "$root/tools/perf/GeneratedSideBySide/GeneratedSideBySide.csproj" -c Release -o "$out/bin" -v quiet -nologo >/dev/null
for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds: C++ anchors" >&2
  BENCH_ONLY=${BENCH_ONLY:-A,B,C,D} taskset -c "$core" "$anchors" "$out/cpp$r.tsv" >"$out/cpp$r.log" 2>&1
  echo "round $r/$rounds: generated entry points" >&2
  DOTNET_TC_CallCountingDelayMs=0 taskset -c "$core" dotnet "$out/bin/GeneratedSideBySide.dll" "$out/cs$r.tsv" >"$out/cs$r.log" 2>&1
done
python3 "$root/tools/perf/generated-table.py" "$out"
