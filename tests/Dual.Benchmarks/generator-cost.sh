#!/usr/bin/env bash
# Generator cost (issue 3, "Speed"): wall time of `dotnet build --no-incremental` for a throwaway project with
# 200 [Differentiable] methods against the same project without the attribute. The projects reference the
# prebuilt Dual.dll and Dual.Generators.dll (not the projects), so each build compiles only the 200 methods.
# Usage: tests/Dual.Benchmarks/generator-cost.sh [runs per variant, default 5]
set -euo pipefail
runs=${1:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/dual-generator-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Dual/Dual.csproj" -c Release -f net10.0 -v q -nologo >/dev/null
dotnet build "$repo/generators/Dual.Generators/Dual.Generators.csproj" -c Release -v q -nologo >/dev/null
dual_dll="$repo/src/Dual/bin/Release/net10.0/Dual.dll"
gen_dll="$repo/generators/Dual.Generators/bin/Release/netstandard2.0/Dual.Generators.dll"

# One class of 20 methods in five shapes (scalar with loop/branch/Math calls, span sum, three scalars with
# Pow/Sqrt, vector-valued span -> span, switch expression), constants varied per method.
write_class() { # $1 = class index, $2 = attribute text ("[Differentiable]" or "")
    local c=$1 attr=$2
    echo "using System;"
    echo "using Dual;"
    echo "namespace GeneratorCost;"
    echo "public static partial class Models$c"
    echo "{"
    for m in $(seq 0 19); do
        local k="$c.$m"
        case $((m % 5)) in
        0) cat <<CS
    $attr
    public static double F$m(double x, double y)
    {
        double s = 0;
        for (int i = 0; i < 4; i++)
        {
            s += Math.Sin(x * i + $k) * Math.Exp(-y * $k);
        }
        if (x > y) s += x * y; else s -= y / (1 + x * x);
        return s;
    }
CS
        ;;
        1) cat <<CS
    $attr
    public static double F$m(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = $k - x[i];
            double b = x[i + 1] - x[i] * x[i];
            sum += a * a + 100 * b * b;
        }
        return sum;
    }
CS
        ;;
        2) cat <<CS
    $attr
    public static double F$m(double a, double b, double c) => Math.Sqrt(a * a + $k * b * b) + Math.Pow(Math.Abs(c) + 1, 1.5) - Math.Log(1 + b * b);
CS
        ;;
        3) cat <<CS
    $attr
    public static void F$m(ReadOnlySpan<double> q, Span<double> p)
    {
        p[0] = q[0] * Math.Cos(q[1] + $k);
        p[1] = q[0] * Math.Sin(q[1]) + Math.Tanh(q[0]);
    }
CS
        ;;
        4) cat <<CS
    $attr
    public static double F$m(double x) => x switch
    {
        < 0 => Math.Exp(x) * $k,
        < 1 => x * x * (3 - 2 * x) + Math.Atan(x),
        _ => Math.Log(x) + 1,
    };
CS
        ;;
        esac
    done
    echo "}"
}

make_project() { # $1 = dir, $2 = attribute text
    mkdir -p "$1"
    cat > "$1/GeneratorCost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <Optimize>true</Optimize>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Dual" HintPath="$dual_dll" />
    <Analyzer Include="$gen_dll" />
  </ItemGroup>
</Project>
XML
    for c in $(seq 0 9); do write_class "$c" "$2" > "$1/Models$c.cs"; done
}

make_project "$work/with" "[Differentiable]"
make_project "$work/without" ""

build() { # prints seconds
    local start end
    start=$(date +%s.%N)
    dotnet build "$1" -c Release --no-incremental -v q -nologo >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

echo "warm-up: with $(build "$work/with") s, without $(build "$work/without") s (not counted)"
w=(); o=()
for i in $(seq 1 "$runs"); do   # alternate the two variants so load drift hits both alike
    w+=("$(build "$work/with")")
    o+=("$(build "$work/without")")
    echo "run $i: with ${w[-1]} s, without ${o[-1]} s   (load $(cut -d' ' -f1 /proc/loadavg))"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %.2f s, median %.2f s, max %.2f s", a[1], a[int((NR+1)/2)], a[NR]}'; }
min() { printf '%s\n' "$@" | sort -n | head -1; }
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "with [Differentiable] (200 methods): $(stats "${w[@]}")"
echo "without the attribute:               $(stats "${o[@]}")"
echo "ratio with/without: min $(echo "scale=2; $(min "${w[@]}") / $(min "${o[@]}")" | bc), median $(echo "scale=2; $(med "${w[@]}") / $(med "${o[@]}")" | bc)"
dll_with=$(stat -c %s "$work/with/bin/Release/net10.0/GeneratorCost.dll"); dll_without=$(stat -c %s "$work/without/bin/Release/net10.0/GeneratorCost.dll")
echo "output assembly: $dll_with bytes with, $dll_without bytes without"
