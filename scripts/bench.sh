#!/usr/bin/env bash
# Builds the benchmark programs in Release and runs them all within a time limit, printing
# their tables and writing them to bench/results/latest.md (not committed).
#
#   scripts/bench.sh                  every benchmark, at most 10 minutes of running
#   scripts/bench.sh --quick          fewer and shorter runs, about 4 minutes
#   scripts/bench.sh --time-limit 300 another limit, in seconds (the build is not counted)
#
# Each program measures its own baseline in the same run and reports ratios, so the figures
# stay comparable on a busy or noisy machine. A program still running at the limit is
# stopped; the tables it finished are kept. The explorer's benchmark needs xvfb-run and runs
# last, with the time that is left (it is skipped, with a note, when xvfb-run is missing).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BENCH_BUILD_DIR:-$top/build-bench-release}

quick=()
limit=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=(--quick) ;;
        --time-limit)
            shift
            limit=${1:-}
            if ! [[ "$limit" =~ ^[0-9]+$ ]]; then
                echo "error: --time-limit takes a number of seconds" >&2
                exit 2
            fi
            ;;
        -h|--help)
            sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "error: unknown option '$1' (try --help)" >&2
            exit 2
            ;;
    esac
    shift
done
if [ -z "$limit" ]; then
    limit=$([ ${#quick[@]} -gt 0 ] && echo 240 || echo 600)
fi

"$top/scripts/setup-debian.sh"
# The explorer's benchmark drives the real app, which needs an X server: Xvfb here.
explorer=OFF
explorer_targets=()
if command -v xvfb-run >/dev/null 2>&1; then
    explorer=ON
    explorer_targets=(explorer-bench)
fi
cmake -S "$top" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DNOLAG_BUILD_BENCH=ON -DNOLAG_BUILD_TESTS=OFF -DNOLAG_BUILD_APP="$explorer" \
    -DNOLAG_BUILD_EXAMPLES=OFF -DNOLAG_BUILD_CLI=OFF >/dev/null
programs=(nolag-bench-codec nolag-bench-fanout nolag-bench-client nolag-bench-server)
cmake --build "$build_dir" --parallel "${NOLAG_JOBS:-$(nproc)}" --target nolag-local \
    nolag-bench-relay nolag-bench-client-peer "${programs[@]}" "${explorer_targets[@]}"

results_dir="$top/bench/results"
results="$results_dir/latest.md"
mkdir -p "$results_dir"
{
    echo "## Benchmark results"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, Linux $(uname -r)"
    echo "- Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), Release build; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- Mode: $([ ${#quick[@]} -gt 0 ] && echo quick || echo full), time limit ${limit} s"
    echo
} >"$results"
cat "$results"

deadline=$((SECONDS + limit))
status=0
for program in "${programs[@]}"; do
    remaining=$((deadline - SECONDS))
    if [ "$remaining" -le 5 ]; then
        echo "_${program} was not run: the time limit of ${limit} s was reached._" | tee -a "$results"
        echo | tee -a "$results"
        status=1
        continue
    fi
    echo ">>> ${program} (${remaining} s left)" >&2
    set +e
    timeout --signal=TERM --kill-after=10 "$remaining" "$build_dir/bench/$program" \
        "${quick[@]}" --markdown "$results"
    rc=$?
    set -e
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        echo "_${program} was stopped at the time limit of ${limit} s; its finished tables are above._" | tee -a "$results"
        echo | tee -a "$results"
        status=1
    elif [ "$rc" -ne 0 ]; then
        echo "_${program} failed (exit code ${rc})._" | tee -a "$results"
        echo | tee -a "$results"
        status=1
    fi
done

# The explorer last: its full run needs about four minutes, its quick run about one and a half.
remaining=$((deadline - SECONDS))
if [ "$explorer" = OFF ]; then
    echo "_explorer-bench was not run: xvfb-run is missing (scripts/setup-debian.sh installs it)._" |
        tee -a "$results"
    echo | tee -a "$results"
elif [ "$remaining" -lt 100 ]; then
    echo "_explorer-bench was not run: the time limit of ${limit} s was reached._" | tee -a "$results"
    echo | tee -a "$results"
    status=1
else
    explorer_mode=("${quick[@]}")
    if [ "$remaining" -lt 240 ]; then
        explorer_mode=(--quick)
    fi
    echo ">>> explorer-bench ${explorer_mode[*]} (${remaining} s left)" >&2
    set +e
    timeout --signal=TERM --kill-after=10 "$remaining" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$build_dir/bench/explorer/explorer-bench" "${explorer_mode[@]}" --markdown "$results"
    rc=$?
    set -e
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        echo "_explorer-bench was stopped at the time limit of ${limit} s._" | tee -a "$results"
        echo | tee -a "$results"
        status=1
    elif [ "$rc" -ne 0 ]; then
        echo "_explorer-bench failed (exit code ${rc})._" | tee -a "$results"
        echo | tee -a "$results"
        status=1
    fi
fi

echo "Results written to ${results}" >&2
exit "$status"
