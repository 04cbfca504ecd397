#!/usr/bin/env bash
# Trust check: the harness and wrk, on the same endpoint with the same number of connections (closed model, one
# thread each), must report throughputs within 15% of each other. Runs them alternately, twice each, after a shared
# warm-up, and exits 1 if any endpoint differs by more than 15%. The harness gets 5 s of warm-up inside each of its
# runs (excluded, as in ./demo, where the harness JVM is long warm): a JVM's JIT compiling during the window would
# take CPU from the server that wrk, compiled ahead of time, never takes. Both are disturbed alike by anything else
# running: check that the machine is otherwise idle (uptime, top).
#   loadtest/bench/wrk-compare.sh [URL CONNECTIONS]...
# Default: the demo's downstream (cheap, CPU-bound: 50 connections) and the virtual app's /io?ms=20 (latency-bound:
# 200 connections). Needs the apps up (./demo up; DEMO_PORT_OFFSET is honoured) and wrk (apt-get install -y wrk).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
offset=${DEMO_PORT_OFFSET:-0}
seconds=${SECONDS_PER_RUN:-8}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ "$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)" -ge 25 ] 2>/dev/null \
  || java=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)
harness="$root/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$harness" ] || (cd "$root" && ./mvnw -q -B -f loadtest/pom.xml package -DskipTests)

if [ $# -eq 0 ]; then
  set -- "http://127.0.0.1:$((8084 + offset))/inventory/SKU-1" 50 "http://127.0.0.1:$((8082 + offset))/io?ms=20" 200
fi

wrk_rps() { wrk -t1 -c"$2" -d"$3s" --latency "$1" | awk '/Requests\/sec/ {print $2}'; }
harness_rps() {
  "$java" -XX:+UseSerialGC -jar "$harness" hit "$1" -c "$2" -d "$3s" --warmup 5s --json \
    | python3 -c 'import json,sys; print(json.loads(sys.stdin.readlines()[-1])["rps"])'
}

status=0
printf '| %-44s | %5s | %23s | %23s | %6s |\n' endpoint conns "wrk rps (2 runs)" "harness (2 runs)" "diff"
printf '| %-44s | %5s | %23s | %23s | %6s |\n' "--------------------------------------------" "-----" \
  "-----------------------" "-----------------------" "------"
while [ $# -ge 2 ]; do
  url=$1 conns=$2
  shift 2
  wrk -t1 -c"$conns" -d3s "$url" >/dev/null # warms the server up for both
  w1=$(wrk_rps "$url" "$conns" "$seconds"); h1=$(harness_rps "$url" "$conns" "$seconds")
  w2=$(wrk_rps "$url" "$conns" "$seconds"); h2=$(harness_rps "$url" "$conns" "$seconds")
  read -r w h diff <<<"$(echo "$w1 $w2 $h1 $h2" | awk '{w = ($1 + $2) / 2; h = ($3 + $4) / 2; printf "%.0f %.0f %.1f", w, h, (h - w) / w * 100}')"
  printf '| %-44s | %5s | %23s | %23s | %5s%% |\n' "$url" "$conns" "$w ($(printf %.0f "$w1")/$(printf %.0f "$w2"))" \
    "$h ($(printf %.0f "$h1")/$(printf %.0f "$h2"))" "$diff"
  if awk -v d="$diff" 'BEGIN { exit !(d > 15 || d < -15) }'; then status=1; fi
done
[ $status -eq 0 ] && echo "within 15%: yes" || echo "within 15%: NO" >&2
exit $status
