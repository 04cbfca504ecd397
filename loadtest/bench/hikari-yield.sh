#!/usr/bin/env bash
# Does HikariCP burn carrier CPU on virtual threads? Before 7.1.0 a thread giving a connection back while others wait
# for one spins in Thread.yield() until a waiter takes it (HikariCP #2398, PR #2402); on virtual threads that spin
# keeps the few carriers busy. This builds the virtual app with each HikariCP version, loads each the same way (many
# virtual threads contending for a small pool), and prints throughput and the app's CPU per 1,000 requests, from its
# own process_cpu_time_ns_total, and how many of the app's CPU samples (JFR, during the measured load) were inside
# Thread.yield() and inside HikariCP's ConcurrentBag. Alternates the versions over the repetitions. Prints a table.
#   loadtest/bench/hikari-yield.sh        needs the demo's database up (./demo up; DEMO_PORT_OFFSET as for ./demo);
#                                         the jars it builds stay in target/bench (delete them after a code change)
# Knobs (environment): HIKARI_VERSIONS ("6.3.3 7.1.0"), POOL (10), USERS (1000), QUERY_MS (1), SECONDS (15), REPS (2).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
offset=${DEMO_PORT_OFFSET:-0}
versions=${HIKARI_VERSIONS:-6.3.3 7.1.0}
pool=${POOL:-10}
users=${USERS:-1000}
query_ms=${QUERY_MS:-1}
seconds=${SECONDS_MEASURED:-15}
reps=${REPS:-2}
port=$((8075 + offset))
mport=$((port + 1000))
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ "$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)" -ge 25 ] 2>/dev/null \
  || java=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)
pg=(PGHOST=127.0.0.1 PGPORT=$((5432 + offset)) PGDATABASE=loopvsloom PGUSER=loopvsloom PGPASSWORD=loopvsloom)

cd "$root"
mkdir -p target/bench
for v in $versions; do
  if [ ! -f "target/bench/virtual-hikari-$v.jar" ]; then
    ./mvnw -q -B -pl services/virtual -am package -DskipTests -Dhikari.version="$v" >/dev/null
    cp services/virtual/target/virtual-0.1.0-SNAPSHOT.jar "target/bench/virtual-hikari-$v.jar"
  fi
done
./mvnw -q -B -pl services/virtual,loadtest -am package -DskipTests >/dev/null
harness=loadtest/target/loadtest-0.1.0-SNAPSHOT.jar
url="http://127.0.0.1:$port/db?ms=$query_ms"

cpu_ns() {
  curl -fsS "http://127.0.0.1:$mport/prometheus" | awk '/^process_cpu_time_ns_total/ {print $2}'
}
json() { python3 -c "import json,sys; d=json.loads(sys.stdin.readlines()[-1]); print(' '.join(str(d[k]) for k in sys.argv[1:]))" "$@"; }

app=
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  app=
}
trap stop_app EXIT

echo "virtual app, pool of $pool, $users users on /db?ms=$query_ms, $seconds s measured after 10 s of the same load;"
echo "$(nproc) cores, $(date -u +%FT%TZ), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-8s | %3s | %8s | %8s | %8s | %10s | %8s | %8s | %8s |\n' HikariCP rep rps "p50 ms" "app CPU" "ms/1k req" \
  samples "in yield" "in bag"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------- ----- ---------- ---------- ---------- ------------ ---------- \
  ---------- ----------
bin=$(dirname "$java")
for rep in $(seq 1 "$reps"); do
  for v in $versions; do
    env "${pg[@]}" DB_POOL_SIZE="$pool" PORT="$port" MANAGEMENT_PORT="$mport" MICRONAUT_SERVER_HOST=127.0.0.1 \
      "$java" -Xms256m -Xmx512m -jar "target/bench/virtual-hikari-$v.jar" >"target/bench/hikari-$v.log" 2>&1 &
    app=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$mport/health/readiness" 2>/dev/null; do sleep 0.2; done
    "$java" -XX:+UseSerialGC -jar "$harness" hit "$url" -c "$users" -d 10s --warmup 0s --json >/dev/null
    jfr="$root/target/bench/hikari-$v-$rep.jfr"
    before=$(cpu_ns)
    "$bin/jcmd" "$app" JFR.start name=measured settings=profile >/dev/null
    out=$("$java" -XX:+UseSerialGC -jar "$harness" hit "$url" -c "$users" -d "${seconds}s" --warmup 0s --json)
    "$bin/jcmd" "$app" JFR.stop name=measured filename="$jfr" >/dev/null
    after=$(cpu_ns)
    stop_app
    read -r rps ok p50 <<<"$(echo "$out" | json rps ok p50Ms)"
    "$bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$jfr" >"$jfr.txt"
    python3 - "$v" "$rep" "$rps" "$ok" "$p50" "$before" "$after" "$seconds" "$jfr.txt" <<'PY'
import re, sys
v, rep, rps, ok, p50, before, after, seconds, samples_file = sys.argv[1:]
cpu_ms = (float(after) - float(before)) / 1e6
samples = re.split(r"^jdk\.ExecutionSample", open(samples_file).read(), flags=re.M)[1:]
in_yield = sum(1 for s in samples if "java.lang.Thread.yield" in s)
in_bag = sum(1 for s in samples if "com.zaxxer.hikari.util.ConcurrentBag" in s)
share = lambda n: f"{100 * n / max(1, len(samples)):.1f} %"
print(f"| {v:<8} | {rep:>3} | {float(rps):>8,.0f} | {float(p50):>8.1f} | {cpu_ms / 1000 / float(seconds):>8.2f} |"
      f" {cpu_ms / max(1, int(ok)) * 1000:>10.1f} | {len(samples):>8} | {share(in_yield):>8} | {share(in_bag):>8} |")
PY
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
