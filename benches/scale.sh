#!/usr/bin/env bash
# How claimgraph's cost grows with the corpus: `claimgraph report` on
# synthetic corpora of 1,000, 10,000 and 100,000 articles, with wall time,
# CPU time, peak memory and the growth factor per 10x. Not part of CI.
#
#   benches/scale.sh [SIZES...]          # default: 1000 10000 100000
#
# Environment:
#   PER_STORY=10    articles per story on average (stories = docs / PER_STORY)
#   FORMAT=json     report format: json (the whole report, built in memory and
#                   written as it is turned into text), jsonl (one group of
#                   stories per line, each written as soon as it is analysed;
#                   the claims and relations columns then show "—": the
#                   header line does not count them), md (built in memory)
#   MEM_LIMIT_GB=21 virtual-memory limit for each run (ulimit -v), so a run
#                   that would exhaust the machine fails instead
#   CLAIMGRAPH=PATH a claimgraph binary to time instead of building one
#   ARGS="..."      more options for `claimgraph report`, split on spaces
#                   (e.g. ARGS="--hold-text-bytes 0")
#   TIMEOUT_S=1800  give up on a run after this many seconds
#   ROUNDS=1        run every size this many times, the sizes in turn within
#                   each round (so that a slow spell of the machine falls on
#                   all of them); with more than one round a summary follows
#                   the runs: per size the spread and median of wall time,
#                   CPU time and peak memory, and the growth per 10x from
#                   the medians
#   SINK=pipe       where the report goes: pipe (a pipe that only counts its
#                   bytes, as a consumer would read it) or null (/dev/null:
#                   claimgraph's own cost; the claims, relations and output
#                   columns then show "—"). On the 2-core virtual machine of
#                   BENCHMARKS.md, passing 6 GB of JSON Lines through a pipe
#                   took 9 s of the writer's system time and 11 s of wall
#                   time at 100,000 articles, against 0.3 s at 10,000.
#
# Corpora are generated once into target/scale/ (deterministic: seed 1) and
# reused.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(1000 10000 100000); fi
per_story="${PER_STORY:-10}"
read -r -a extra <<< "${ARGS:-}"
format="${FORMAT:-json}"
mem_limit_gb="${MEM_LIMIT_GB:-21}"
timeout_s="${TIMEOUT_S:-1800}"
sink="${SINK:-pipe}"
rounds="${ROUNDS:-1}"
case "$rounds" in ''|*[!0-9]*|0) echo "ROUNDS must be a positive whole number, not $rounds" >&2; exit 2 ;; esac
case "$sink" in pipe|null) ;; *) echo "SINK must be pipe or null, not $sink" >&2; exit 2 ;; esac

cargo build --release --quiet --example synth
if [ -z "${CLAIMGRAPH:-}" ]; then cargo build --release --quiet --bin claimgraph; fi
bin="${CLAIMGRAPH:-target/release/claimgraph}"
synth=target/release/examples/synth
dir=target/scale
mkdir -p "$dir"

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -sr)"
echo "claimgraph $bin $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes'), format $format${ARGS:+ $ARGS}, sink $sink, $per_story articles per story, RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-all}"
echo
printf '| %8s | %7s | %9s | %9s | %10s | %7s | %8s | %8s | %6s | %9s | %6s | %s\n' \
  articles stories "input MB" claims relations "wall s" "CPU s" "peak MiB" "peak/in" "output MB" growth "load (1 min) before"
printf '|%s|\n' "---------:|--------:|----------:|----------:|-----------:|--------:|---------:|---------:|-------:|----------:|-------:|-----"

# Each run's figures, per size, for the summary (space-separated).
declare -A walls cpus peaks ratios
for round in $(seq 1 "$rounds"); do
  prev_wall=""
  for n in "${sizes[@]}"; do
    stories=$(( n / per_story ))
    if [ "$stories" -lt 1 ]; then stories=1; fi
    corpus="$dir/c$n-s$stories"
    if [ ! -f "$corpus/.done" ]; then
      rm -rf "$corpus"
      "$synth" --stories "$stories" --docs "$n" --out "$corpus" 2>/dev/null
      touch "$corpus/.done"
    fi
    input_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    load=$(cut -d' ' -f1 /proc/loadavg)
    timing="$dir/time-$n.txt"
    summary="$dir/inputs-$n.json"
    set +e
    # stderr (a failed run's message) goes to the terminal, not the table.
    if [ "$sink" = null ]; then
      (ulimit -v $(( mem_limit_gb * 1024 * 1024 )); \
        timeout "$timeout_s" /usr/bin/time -v -o "$timing" "$bin" report --no-progress --format "$format" "${extra[@]}" "$corpus" \
        > /dev/null)
      out_bytes=""
      : > "$summary"
    else
      out_bytes=$( (ulimit -v $(( mem_limit_gb * 1024 * 1024 )); \
        timeout "$timeout_s" /usr/bin/time -v -o "$timing" "$bin" report --no-progress --format "$format" "${extra[@]}" "$corpus") \
        | tee --output-error=warn-nopipe >(head -c 400 > "$summary") | wc -c)
    fi
    set -e
    if [ ! -s "$timing" ]; then
      printf '| %8s | %7s | stopped after %s s (TIMEOUT_S)\n' "$n" "$stories" "$timeout_s"
      continue
    fi
    if ! grep -q 'Exit status: 0' "$timing" || grep -q 'Command terminated by signal' "$timing"; then
      printf '| %8s | %7s | failed: %s\n' "$n" "$stories" "$(grep -E 'Exit status|Command terminated|Maximum resident|Elapsed' "$timing" | tr '\n' ' ')"
      continue
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timing")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$timing")
    rss_kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$timing")
    peak_mib=$(awk -v k="$rss_kb" 'BEGIN {printf "%.0f", k/1024}')
    peak_ratio=$(awk -v k="$rss_kb" -v b="$input_bytes" 'BEGIN {printf "%.1f", k*1024/b}')
    if [ "$format" = jsonl ] || [ "$sink" = null ]; then
      claims="—"
      relations="—"
    else
      claims=$(grep -o '"claims": [0-9]*' "$summary" | head -1 | grep -o '[0-9]*$' || echo '?')
      relations=$(grep -o '"relations": [0-9]*' "$summary" | head -1 | grep -o '[0-9]*$' || echo '?')
    fi
    growth="—"
    if [ -n "$prev_wall" ]; then growth=$(awk -v a="$wall" -v b="$prev_wall" 'BEGIN {printf "%.1f×", a/b}'); fi
    out_mb="—"
    if [ -n "$out_bytes" ]; then out_mb=$(awk -v b="$out_bytes" 'BEGIN {printf "%.0f", b/1e6}'); fi
    printf '| %8s | %7s | %9.1f | %9s | %10s | %7.1f | %8s | %8.0f | %5.1f× | %9s | %6s | %s\n' \
      "$n" "$stories" "$(awk -v b="$input_bytes" 'BEGIN {print b/1e6}')" "$claims" "$relations" "$wall" "$cpu" \
      "$peak_mib" "$peak_ratio" \
      "$out_mb" "$growth" "$load"
    walls[$n]+=" $wall"
    cpus[$n]+=" $cpu"
    peaks[$n]+=" $peak_mib"
    ratios[$n]+=" $peak_ratio"
    prev_wall="$wall"
  done
done

if [ "$rounds" -gt 1 ]; then
  # The median of a list of numbers (the mean of the middle two if even).
  median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {if (NR == 0) exit; if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
  spread() { tr ' ' '\n' | grep . | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {if (NR) printf "%s–%s", lo, hi}'; }
  echo
  echo "Summary of $rounds rounds (runs that failed are left out):"
  echo
  printf '| %8s | %4s | %17s | %9s | %17s | %15s | %11s | %s\n' \
    articles runs "wall s" "median" "CPU s" "peak MiB" "peak/in" "growth (medians)"
  printf '|%s|\n' "---------:|-----:|------------------:|----------:|------------------:|----------------:|------------:|-----"
  prev_median=""
  for n in "${sizes[@]}"; do
    w="${walls[$n]:-}"
    if [ -z "$w" ]; then printf '| %8s | %4s | no run succeeded\n' "$n" 0; prev_median=""; continue; fi
    m=$(median <<<"$w")
    growth="—"
    if [ -n "$prev_median" ]; then growth=$(awk -v a="$m" -v b="$prev_median" 'BEGIN {printf "%.1f×", a/b}'); fi
    printf '| %8s | %4s | %17s | %9s | %17s | %15s | %11s | %s\n' "$n" "$(wc -w <<<"$w")" \
      "$(spread <<<"$w")" "$m" "$(spread <<<"${cpus[$n]}") ($(median <<<"${cpus[$n]}"))" \
      "$(spread <<<"${peaks[$n]}")" "$(spread <<<"${ratios[$n]}")×" "$growth"
    prev_median="$m"
  done
fi
