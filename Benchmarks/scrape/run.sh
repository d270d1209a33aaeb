#!/usr/bin/env bash
# Scrape benchmark: `winnow scrape` (fetch + clean + JSON Lines) against
# `curl --parallel --parallel-max 32` (fetch to files only), both fetching the same list of distinct
# URLs from a local nginx that serves the evaluation pages. Loopback only; bounded; cleans up after
# itself. See Benchmarks/README.md.
#
#   bash Benchmarks/scrape/run.sh                    # 2,000 URLs × 3 runs each, then 10,000 URLs
#   URLS=500 RUNS=1 BIG_URLS=0 bash Benchmarks/scrape/run.sh   # quick look
#
# Environment:
#   PAGES     folder of .html pages to serve   (default: ../shared/eval/scrapinghub/pages, else /work/shared/…)
#   URLS      distinct URLs in the timed comparison           (default 2000)
#   RUNS      runs of each tool, alternating curl / winnow     (default 3)
#   BIG_URLS  distinct URLs in the peak-memory run, 0 = skip   (default 10000)
#   JOBS      transfers in flight for both tools               (default 32)
#   WINNOW    a prebuilt winnow binary (default: `swift build -c release` and use that)
#   KEEP=1    keep the temporary folder (outputs, logs) and print its path
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

URLS=${URLS:-2000}
RUNS=${RUNS:-3}
BIG_URLS=${BIG_URLS:-10000}
JOBS=${JOBS:-32}
if [ -z "${PAGES:-}" ]; then
  for candidate in "$repo/../shared/eval/scrapinghub/pages" /work/shared/eval/scrapinghub/pages; do
    if [ -d "$candidate" ]; then PAGES=$candidate; break; fi
  done
fi
[ -n "${PAGES:-}" ] && [ -d "$PAGES" ] || { echo "run.sh: no pages folder; set PAGES=/path/to/pages" >&2; exit 2; }

need() { command -v "$1" >/dev/null 2>&1 || { echo "run.sh: $1 is missing ($2)" >&2; exit 2; }; }
need nginx "apt-get install -y nginx"
need curl "apt-get install -y curl"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 2; }

work=$(mktemp -d /tmp/winnow-scrape-bench.XXXXXX)
chmod 755 "$work"
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- pages: a copy the nginx workers can read, named 0.html … (n-1).html -------------------------
mkdir -p "$work/root" "$work/logs" "$work/temp"
page_count=0
for page in "$PAGES"/*.html; do
  cp "$page" "$work/root/$page_count.html"
  page_count=$((page_count + 1))
done
[ "$page_count" -gt 0 ] || { echo "run.sh: no .html pages in $PAGES" >&2; exit 2; }
chmod -R a+rX "$work/root"

# --- nginx on 127.0.0.1, a free high port -----------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 30000)))
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$work/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  open_file_cache max=1000 inactive=60s;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  types { text/html html; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $work/root;
    # /p/<i>/<k>.html → page k: every URL distinct, every body one of the pages.
    location /p/ { rewrite ^/p/[0-9]+/([0-9]+\.html)\$ /\$1 break; return 404; }
    location = /robots.txt { return 404; }
  }
}
EOF
nginx -p "$work/" -e "$work/logs/error.log" -c "$work/nginx.conf" &
nginx_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -fs -o /dev/null "$base/p/0/0.html" && break
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/logs/error.log" >&2; echo "run.sh: nginx did not start" >&2; exit 2; }
  sleep 0.1
done
curl -fs -o /dev/null "$base/p/0/0.html" || { echo "run.sh: nginx does not answer on $base" >&2; exit 2; }

# --- winnow, release ------------------------------------------------------------------------------
if [ -z "${WINNOW:-}" ]; then
  echo "building winnow (release)…" >&2
  swift build -c release --product winnow >"$work/logs/build.log" 2>&1 \
    || { tail -n 30 "$work/logs/build.log" >&2; exit 2; }
  WINNOW="$(swift build -c release --show-bin-path)/winnow"
fi
[ -x "$WINNOW" ] || { echo "run.sh: $WINNOW is not executable" >&2; exit 2; }

# --- URL lists ------------------------------------------------------------------------------------
make_lists() {  # n → $work/urls-n.txt (winnow) and $work/curl-n.cfg (curl), same URLs, same order
  local n=$1
  awk -v n="$n" -v pages="$page_count" -v base="$base" -v out="$work/curl-out" '
    BEGIN {
      for (i = 0; i < n; i++) {
        url = base "/p/" i "/" (i % pages) ".html"
        print url > "'"$work"'/urls-" n ".txt"
        printf "url = \"%s\"\noutput = \"%s/%d.html\"\n", url, out, i > "'"$work"'/curl-" n ".cfg"
      }
    }'
}

# --- one timed run --------------------------------------------------------------------------------
# Prints: tool n wall_seconds max_rss_kb cpu_percent ok_count load1
timed() {
  local tool=$1 n=$2 run=$3
  local stats="$work/logs/$tool-$n-$run.time"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -rf "$work/curl-out" "$work/out.jsonl"
  mkdir -p "$work/curl-out"
  local start end status=0
  start=$(date +%s%N)
  case $tool in
    curl)
      timeout 600 /usr/bin/time -v -o "$stats" \
        curl --parallel --parallel-max "$JOBS" -s --no-progress-meter --config "$work/curl-$n.cfg" \
        2>"$work/logs/curl-$n-$run.err" || status=$?
      ;;
    winnow)
      timeout 600 /usr/bin/time -v -o "$stats" \
        "$WINNOW" scrape "$work/urls-$n.txt" -o "$work/out.jsonl" --force --quiet \
        --jobs "$JOBS" --per-host "$JOBS" --delay 0 --ignore-robots --tries 1 \
        2>"$work/logs/winnow-$n-$run.err" || status=$?
      ;;
  esac
  end=$(date +%s%N)
  local ok
  if [ "$tool" = curl ]; then
    ok=$(find "$work/curl-out" -name '*.html' -size +0 | wc -l)
  else
    # records without an error field (keys are sorted, so a failure has `"error":{"kind"`)
    local lines failed
    lines=$(wc -l < "$work/out.jsonl" 2>/dev/null || echo 0)
    failed=$(grep -c '"error":{"kind"' "$work/out.jsonl" 2>/dev/null || true)
    ok=$((lines - ${failed:-0}))
  fi
  [ "$status" -eq 0 ] || echo "run.sh: $tool run $run exited $status (see $work/logs)" >&2
  local rss cpu
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$stats")
  cpu=$(awk -F': ' '/Percent of CPU this job got/ {print $2}' "$stats")
  awk -v t="$tool" -v n="$n" -v ns=$((end - start)) -v rss="$rss" -v cpu="$cpu" -v ok="$ok" -v load="$load" \
    'BEGIN { printf "%s %d %.3f %d %s %d %s\n", t, n, ns / 1e9, rss, cpu, ok, load }'
}

results="$work/results.txt"
: > "$results"
make_lists "$URLS"
echo "nginx $base serving $page_count pages as $URLS distinct URLs; $JOBS in flight; $(nproc) cores" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# One untimed warm-up of each, so that page cache and first-connection costs fall on neither.
timed curl "$URLS" 0 >/dev/null
timed winnow "$URLS" 0 >/dev/null
for run in $(seq "$RUNS"); do
  timed curl "$URLS" "$run" | tee -a "$results" >&2
  timed winnow "$URLS" "$run" | tee -a "$results" >&2
done
if [ "$BIG_URLS" -gt 0 ]; then
  make_lists "$BIG_URLS"
  timed curl "$BIG_URLS" 1 | tee -a "$results" >&2
  timed winnow "$BIG_URLS" 1 | tee -a "$results" >&2
fi

# What cleaning alone costs: `winnow bench` cleans the same pages on one core, no fetching. The
# scrape cleans every page (generic extractor: the URLs are 127.0.0.1, so no site rules match),
# so cleaning CPU / cores is a floor on its wall time that curl, which only saves bytes, does not have.
clean_rate=$("$WINNOW" bench --pages "$work/root" --repeats 1 2>/dev/null \
  | awk '/clean \(generic only\)/ { print $4 }')
clean_rate=${clean_rate:-0}

echo
printf '%-7s %6s %4s %9s %9s %10s %6s %8s %6s\n' tool urls run wall_s pages/s max_rss_MB cpu ok load1
awk '{ key = $1 " " $2; run[key]++;
       printf "%-7s %6d %4d %9.3f %9.0f %10.1f %6s %8d %6s\n", $1, $2, run[key], $3, $2 / $3, $4 / 1024, $5, $6, $7 }' "$results"
echo
awk -v n="$URLS" -v rate="$clean_rate" -v cores="$(nproc)" '
  $2 == n { wall[$1] = wall[$1] " " $3; sum[$1] += $3; cnt[$1]++; if ($4 > rss[$1]) rss[$1] = $4 }
  $2 != n { big[$1] = $4 }
  END {
    mc = median(wall["curl"]); mw = median(wall["winnow"])
    printf "%d URLs, median wall: curl %.3f s, winnow %.3f s, ratio %.2f (target ≤ 1.10); winnow %.0f pages/s\n", n, mc, mw, mw / mc, n / mw
    printf "peak RSS, %d URLs: curl %.1f MB, winnow %.1f MB\n", n, rss["curl"] / 1024, rss["winnow"] / 1024
    if (rate > 0) printf "cleaning alone: %.0f pages/s on one core → %d pages need %.2f s on %d idle cores (winnow floor; curl has no such work)\n", rate, n, n / rate / cores, cores
    if ("winnow" in big) printf "peak RSS, big run: curl %.1f MB, winnow %.1f MB (target < 200 MB)\n", big["curl"] / 1024, big["winnow"] / 1024
  }
  function median(list,    values, count, i, j, t) {
    count = split(list, values, " ")
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
    return count % 2 ? values[(count + 1) / 2] : (values[count / 2] + values[count / 2 + 1]) / 2
  }' "$results"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
