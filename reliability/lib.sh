# Shared by overload.sh and soak.sh: start one style, downstream and a gateway on loopback ports of their own
# (RELIABILITY_PORT_BASE, default 28080: gateway +0, style +2, downstream +4, management +1000), never the demo's.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../apps/apps.sh
source "$root/apps/apps.sh"
version=$(project_version)
base=${RELIABILITY_PORT_BASE:-28080}
state=${RELIABILITY_STATE:-/tmp/loop-vs-loom-reliability}
java_opts=${RELIABILITY_JAVA_OPTS:--Xms256m -Xmx512m}
mkdir -p "$state"

gw_port=$base; gw_mport=$((base + 1000))
app_port=$((base + 2)); app_mport=$((base + 1002))
ds_port=$((base + 4)); ds_mport=$((base + 1004))

find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
        && "$candidate/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
      echo "$candidate"; return
    fi
  done
  echo "no JDK 25 found: set JAVA_HOME" >&2; exit 1
}
jdk=$(find_jdk)
command -v wrk >/dev/null 2>&1 || { echo "needs wrk on the PATH (Debian/Ubuntu: apt-get install -y wrk)" >&2; exit 1; }

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
# A signal stops the whole script, not just the style in progress (the soak would go on to the next style).
trap 'cleanup; exit 143' INT TERM

# start NAME JAR ENVIRONMENTS PORT MPORT [VAR=VALUE...]
start() {
  local name=$1 jar=$2 envs=$3 port=$4 mport=$5; shift 5
  [ -f "$root/$jar" ] || { echo "missing $jar: build first (./mvnw -q package -DskipTests)" >&2; exit 1; }
  env PORT="$port" MANAGEMENT_PORT="$mport" MICRONAUT_ENVIRONMENTS="$envs" "$@" \
    "$jdk/bin/java" $java_opts -jar "$root/$jar" >"$state/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
  local i
  for i in $(seq 1 120); do
    if curl -sf -o /dev/null "http://127.0.0.1:$mport/health/readiness"; then return; fi
    sleep 0.5
  done
  echo "$name did not become ready (log: $state/$name.log)" >&2; exit 1
}

# start_stack STYLE [gateway route max-in-flight]: the style as apps.conf starts it (jar styles only here)
start_stack() {
  local style=$1 cap=${2:-5000} line
  line=$(app_line "$style") && [ "$(app_field "$line" 2)" = style ] \
    || { echo "no style named $style in apps/apps.conf (styles: $(style_names | paste -sd' ' -))" >&2; exit 2; }
  [ "$(app_field "$line" 7)" = jar ] || { echo "$style is not a jar app: these scripts start jar styles only" >&2; exit 2; }
  start downstream "$(jar_of "$(app_field "$(app_line downstream)" 8)")" "" "$ds_port" "$ds_mport"
  start app "$(jar_of "$(app_field "$line" 8)")" "$(app_field "$line" 9)" "$app_port" "$app_mport" \
    DOWNSTREAM_URL="http://127.0.0.1:$ds_port"
  local route_var
  route_var=GATEWAY_ROUTES_$(echo "$style" | tr a-z- A-Z_)
  start gateway "$(jar_of "$(app_field "$(app_line gateway)" 8)")" "" "$gw_port" "$gw_mport" \
    "${route_var}_URL=http://127.0.0.1:$app_port" "${route_var}_MAX_IN_FLIGHT=$cap"
}

# metric MPORT NAME [LABEL-FILTER]: the sum of a metric's samples on a management port
metric() {
  curl -sf "http://127.0.0.1:$1/prometheus" | awk -v name="$2" -v filter="${3:-}" '
    index($0, name "{") == 1 || index($0, name " ") == 1 { if (filter == "" || index($0, filter)) s += $NF }
    END { printf "%.0f\n", s }'
}

heap_used() { metric "$1" jvm_memory_used_bytes 'area="heap"'; }

# wrk_rps OUTPUT-OF-WRK: requests/s
wrk_rps() { awk '/Requests\/sec/ { print int($2) }' <<<"$1"; }
wrk_non2xx() { awk '/Non-2xx or 3xx responses/ { print $NF; found=1 } END { if (!found) print 0 }' <<<"$1"; }
