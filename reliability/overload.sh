#!/usr/bin/env bash
# Overload: 5x measured capacity for 60 s against the gateway, one style at a time, on 127.0.0.1 only.
#
#   reliability/overload.sh [reactive|virtual|platform] ...   (default: the Java styles, one after the other)
#
# Capacity is the gateway route's admission cap (CAP in-flight, default 200) times 1 / (latency of /io?ms=100): it is
# measured with wrk at CAP connections for 15 s, after OVERLOAD_WARMUP_SECONDS (30) of the same. Overload is then 5 x that capacity in requests per second for 60 s
# (OVERLOAD_SECONDS), an open model (the project's harness, `loadtest hit --rate`: requests leave on schedule whether
# or not earlier ones were answered, up to 5 x CAP connections): the gateway admits CAP and sheds the rest with 503 +
# Retry-After at once. Reported: accepted and shed rps, the accepted requests' mean and p99 latency (from the
# gateway's own gateway_upstream_latency histogram), the largest heap seen on the gateway and the style (sampled
# every 2 s), OutOfMemoryErrors in the logs, and recovery: CAP connections again in 2-second windows until the
# throughput is back to 90 % of capacity (must be within 10 s). Exits 1 if any style missed recovery or ran out of
# memory.
# Needs wrk and the jars, the harness's included (./mvnw -q package -DskipTests). Ports: reliability/lib.sh.
source "$(dirname "$0")/lib.sh"

cap=${CAP:-200}
seconds=${OVERLOAD_SECONDS:-60}
warmup=${OVERLOAD_WARMUP_SECONDS:-30}
path="/io?ms=100"
styles=("$@"); [ ${#styles[@]} -gt 0 ] || mapfile -t styles < <(style_names jar)
failed=()
harness=loadtest/target/loadtest-$version.jar
[ -f "$root/$harness" ] || { echo "missing $harness: build first (./mvnw -q package -DskipTests)" >&2; exit 1; }

json_number() { grep -o "\"$2\":[-0-9.eE]*" <<<"$1" | head -1 | cut -d: -f2; } # json_number JSON FIELD

histogram_p99() { # p99 of gateway_upstream_latency over the samples in files $1 (before) and $2 (after)
  awk '/^gateway_upstream_latency_seconds_bucket\{/ {
         split($0, parts, ",le=\""); le = parts[2]; sub(/".*/, "", le)
         if (FILENAME == ARGV[1]) before[le] += $NF; else after[le] += $NF }
       END { n = 0; for (le in after) { d[le] = after[le] - before[le]; keys[n++] = le }
             total = d["+Inf"]; if (total == 0) { print "n/a"; exit }
             best = ""; for (i = 0; i < n; i++) { le = keys[i]; if (le == "+Inf") continue
               if (d[le] >= 0.99 * total && (best == "" || le + 0 < best + 0)) best = le }
             printf "%.0f ms\n", best * 1000 }' "$1" "$2"
}

for style in "${styles[@]}"; do
  echo "== $style: gateway cap $cap in flight, $path"
  pids=()
  start_stack "$style" "$cap"
  url="http://127.0.0.1:$gw_port/$style$path"
  # A cold JVM measures well under its capacity for its first minute (seen: 457 rps after a 5 s warm-up, 1,834 right
  # after the storm): warm it first, or "5 x capacity" is barely more than capacity.
  wrk -t2 -c"$cap" -d"${warmup}s" "$url" >/dev/null
  out=$(wrk -t2 -c"$cap" -d15s "$url"); capacity=$(wrk_rps "$out")
  echo "capacity: $capacity rps at $cap connections (non-2xx: $(wrk_non2xx "$out"))"

  curl -sf "http://127.0.0.1:$gw_mport/prometheus" >"$state/gw-before.txt"
  accepted_before=$(metric "$gw_mport" gateway_upstream_latency_seconds_count)
  shed_before=$(metric "$gw_mport" gateway_requests_rejected_total)
  max_gw_heap=0; max_app_heap=0
  (while sleep 2; do echo "$(heap_used "$gw_mport") $(heap_used "$app_mport")"; done) >"$state/heap.txt" 2>/dev/null &
  sampler=$!
  offered=$((5 * capacity))
  out=$("$jdk/bin/java" -Xmx1g -jar "$root/$harness" hit --json --rate "$offered" \
    -c $((5 * cap)) -d"${seconds}s" --warmup 0s --timeout 10s "$url")
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  curl -sf "http://127.0.0.1:$gw_mport/prometheus" >"$state/gw-after.txt"
  accepted=$(( $(metric "$gw_mport" gateway_upstream_latency_seconds_count) - accepted_before ))
  shed=$(( $(metric "$gw_mport" gateway_requests_rejected_total) - shed_before ))
  sum_before=$(awk '/^gateway_upstream_latency_seconds_sum\{/ { s += $NF } END { print s + 0 }' "$state/gw-before.txt")
  sum_after=$(awk '/^gateway_upstream_latency_seconds_sum\{/ { s += $NF } END { print s + 0 }' "$state/gw-after.txt")
  mean=$(awk -v a="$sum_after" -v b="$sum_before" -v n="$accepted" 'BEGIN { if (n > 0) printf "%.0f ms", (a - b) / n * 1000; else print "n/a" }')
  p99=$(histogram_p99 "$state/gw-before.txt" "$state/gw-after.txt")
  read -r max_gw_heap max_app_heap < <(awk '{ if ($1 > g) g = $1; if ($2 > a) a = $2 } END { print g + 0, a + 0 }' "$state/heap.txt")
  echo "overload: $offered rps offered (open model, up to $((5 * cap)) connections) for ${seconds}s:" \
       "2xx $(json_number "$out" ok), not 2xx by kind {$(sed -n 's/.*"errors":{\([^}]*\)}.*/\1/p' <<<"$out")}," \
       "p99 of all answers $(json_number "$out" p99Ms) ms"
  echo "  accepted $((accepted / seconds)) rps (mean $mean, p99 $p99), shed $((shed / seconds)) rps with 503"
  ooms=$(cat "$state"/*.log | grep -c OutOfMemoryError || true)
  echo "  max heap used: gateway $((max_gw_heap / 1048576)) MB, $style $((max_app_heap / 1048576)) MB (-Xmx512m);" \
       "OutOfMemoryError in logs: $ooms"
  [ "$ooms" -eq 0 ] || failed+=("$style: OutOfMemoryError")
  recovered="not within 10 s"
  for window in 2 4 6 8 10; do
    out=$(wrk -t2 -c"$cap" -d2s "$url"); rps=$(wrk_rps "$out")
    echo "  recovery window ${window}s: $rps rps (non-2xx $(wrk_non2xx "$out"))"
    if [ "$rps" -ge $((capacity * 9 / 10)) ]; then recovered="within ${window} s"; break; fi
  done
  echo "recovery to 90 % of capacity: $recovered"
  [ "$recovered" != "not within 10 s" ] || failed+=("$style: no recovery within 10 s")
  cleanup
  pids=()
  sleep 2
done
[ ${#failed[@]} -eq 0 ] || { printf 'FAILED: %s\n' "${failed[@]}" >&2; exit 1; }
