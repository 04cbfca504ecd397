#!/usr/bin/env bash
# Measures what each candidate HTTP client costs in CPU per request, driven like the harness drives its engine, against
# one cheap endpoint on loopback; wrk (C, closed model only) is the yardstick. Prints a Markdown table.
#   loadtest/bench/client-cost.sh [URL]     default URL: the demo's downstream, http://127.0.0.1:8084/inventory/SKU-1
# Needs the endpoint up (./demo up) and, for the wrk line, wrk (apt-get install -y wrk). Takes about 3 minutes.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
url=${1:-http://127.0.0.1:$((8084 + ${DEMO_PORT_OFFSET:-0}))/inventory/SKU-1}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ "$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)" -ge 25 ] 2>/dev/null \
  || java=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)
warmup=5
seconds=10
closed=${CLOSED_USERS:-20}
rate=${OPEN_RATE:-5000}

cd "$root"
./mvnw -q -B -f loadtest/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
./mvnw -q -B -f loadtest/pom.xml package -DskipTests >/dev/null
cp="loadtest/target/test-classes:loadtest/target/classes:$(cat loadtest/target/bench.classpath)"
harness="loadtest/target/loadtest-0.1.0-SNAPSHOT.jar"
flags=(-XX:+UseSerialGC -Xmx512m --enable-native-access=ALL-UNNAMED)

row() { printf '| %-22s | %-28s | %9s | %6s | %7s |\n' "$@"; }
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.readlines()[-1]); print(' '.join(str(d[k]) for k in sys.argv[1:]))" "$@"; }

echo "Target: $url ($(nproc) cores, $(date -u +%FT%TZ)); each line its own JVM, $warmup s warm-up, $seconds s measured"
echo
row client model rps cores "ms/1k"
row "----------------------" "----------------------------" "---------" "------" "-------"
for model in "closed $closed" "open $rate"; do
  set -- $model
  if [ "$1" = closed ]; then
    out=$("$java" "${flags[@]}" -jar "$harness" hit "$url" -c "$2" -d "${seconds}s" --warmup "${warmup}s" --json)
  else
    out=$("$java" "${flags[@]}" -jar "$harness" hit "$url" --rate "$2" -c 1000 -d "${seconds}s" --warmup "${warmup}s" --json)
  fi
  read -r rps cores ms <<<"$(echo "$out" | json rps harnessCpuCores harnessCpuMsPer1000)"
  row "harness (Netty, epoll)" "$1 $2" "$(printf %.0f "$rps")" "$(printf %.2f "$cores")" "$(printf %.1f "$ms")"
  for client in reactor-netty jdk; do
    read -r rps cores ms <<<"$("$java" "${flags[@]}" -cp "$cp" loopvsloom.loadtest.bench.ClientCost "$client" "$url" \
      "$1" "$2" "$warmup" "$seconds" | json rps cpuCores cpuMsPer1000)"
    row "$client" "$1 $2" "$(printf %.0f "$rps")" "$(printf %.2f "$cores")" "$(printf %.1f "$ms")"
  done
done
if command -v wrk >/dev/null 2>&1; then
  out=$( { /usr/bin/time -f '%U %S' wrk -t1 -c"$closed" -d"${seconds}s" "$url" 2>&1; } )
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  cpu=$(echo "$out" | tail -n 1 | awk '{print $1 + $2}')
  row "wrk 1 thread (C)" "closed $closed" "$(printf %.0f "$rps")" "$(echo "$cpu $seconds" | awk '{printf "%.2f", $1 / $2}')" \
    "$(echo "$cpu $rps $seconds" | awk '{printf "%.1f", $1 * 1000 / ($2 * $3 / 1000)}')"
fi
