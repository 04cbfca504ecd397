#!/usr/bin/env bash
# Soak: steady load through the gateway for SOAK_MINUTES (default 30) per style, on 127.0.0.1 only.
#
#   reliability/soak.sh [reactive|virtual|platform] ...   (default: the Java styles, one after the other)
#
# Load: wrk with SOAK_CONNECTIONS (default 100) connections on /quote (three downstream calls of 20 ms each, the
# X-Latency-Ms knob) for the whole run, well under capacity, after SOAK_WARMUP_SECONDS (default 60) of the same load
# that is reported apart. Every SAMPLE_SECONDS (default 60) the style's JVM is
# asked for a full GC (jcmd GC.run) and the live data after it is read from /prometheus
# (jvm_gc_live_data_size_bytes): the heap after GC. Reported per
# style: requests and errors (non-2xx and socket errors: must be 0), every sample, and the least-squares slope of
# heap-after-GC in KB per minute (≈ 0 means no leak; the first two samples are warm-up and left out). Exits 1 if any
# style had an error after its warm-up.
# Needs wrk, jcmd (the JDK's) and the jars. Ports: reliability/lib.sh.
source "$(dirname "$0")/lib.sh"

minutes=${SOAK_MINUTES:-30}
connections=${SOAK_CONNECTIONS:-100}
every=${SAMPLE_SECONDS:-60}
warmup=${SOAK_WARMUP_SECONDS:-60}
styles=("$@"); [ ${#styles[@]} -gt 0 ] || mapfile -t styles < <(style_names jar)
failed=()

for style in "${styles[@]}"; do
  echo "== $style: $minutes min, $connections connections on /quote, heap after GC every ${every}s"
  pids=()
  start_stack "$style"
  url="http://127.0.0.1:$gw_port/$style/quote?sku=SKU-1&qty=2"
  # A fresh JVM under the full load at once answers some quotes past their 2 s deadline while it compiles (seen:
  # 55-103 504s in the first minutes on a slow machine): warm it with the same load first, counted apart.
  if [ "$warmup" -gt 0 ]; then
    warm=$(wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s -H 'X-Latency-Ms: 20' \
      -s "$(dirname "$0")/soak-status.lua" "$url")
    echo "  warm-up ${warmup}s (not counted): $(awk '/^status / { printf "%s%s %s", sep, $2, $3; sep = ", " }' <<<"$warm")"
  fi
  wrk -t2 -c"$connections" -d"$((minutes * 60))s" --timeout 10s -H 'X-Latency-Ms: 20' \
    -s "$(dirname "$0")/soak-status.lua" "$url" >"$state/soak-wrk.txt" &
  load=$!
  pids+=("$load")
  : >"$state/soak-heap.txt"
  start_s=$(date +%s)
  while kill -0 "$load" 2>/dev/null; do
    # In the background, so a signal is handled at once rather than after the sleep.
    sleep "$every" & wait $!
    kill -0 "$load" 2>/dev/null || break
    # shellcheck disable=SC2154 # pid_app is set by start()
    "$jdk/bin/jcmd" "$pid_app" GC.run >/dev/null 2>&1 || true
    sleep 1
    # Live data after that full GC (G1 leaves nothing in the young generation): heap in use right after it would
    # also count what the running load allocated in between.
    heap=$(metric "$app_mport" jvm_gc_live_data_size_bytes)
    minute=$(awk -v s="$(( $(date +%s) - start_s ))" 'BEGIN { printf "%.2f", s / 60 }')
    echo "$minute $heap" | tee -a "$state/soak-heap.txt" | awk '{ printf "  t=%5.1f min heap after GC %6.1f MB\n", $1, $2 / 1048576 }'
  done
  wait "$load" || true
  out=$(cat "$state/soak-wrk.txt")
  echo "  answers by status: $(awk '/^status / { printf "%s%s %s", sep, $2, $3; sep = ", " }' <<<"$out")"
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10; found = 1 } END { if (!found) print 0 }' <<<"$out")
  non2xx=$(wrk_non2xx "$out")
  echo "  requests: $(awk '/requests in/ { print $1 }' <<<"$out"), $(wrk_rps "$out") rps; non-2xx: $non2xx; socket errors: $errors"
  [ "$non2xx" -eq 0 ] && [ "$errors" -eq 0 ] || failed+=("$style: $non2xx non-2xx, $errors socket errors")
  awk 'NR > 2 { n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
       END { if (n < 2) { print "  heap-after-GC slope: too few samples"; exit }
             slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
             printf "  heap-after-GC slope: %+.1f KB/min over %d samples\n", slope / 1024, n }' "$state/soak-heap.txt"
  cleanup
  pids=()
  sleep 2
done
[ ${#failed[@]} -eq 0 ] || { printf 'FAILED: %s\n' "${failed[@]}" >&2; exit 1; }
