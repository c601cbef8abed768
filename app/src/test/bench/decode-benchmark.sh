#!/usr/bin/env bash
# The decode benchmark of the capture issue: `netsim decode` (the whole process, as a user runs it) against
#   tshark -r FILE -Y websocket.payload.text -T fields -e websocket.payload.text
# on the same capture of 1,000,000 frames of Socket.IO traffic: wall time and peak memory (/usr/bin/time -v), best of
# RUNS runs each, and the ratios. Both print one line per Socket.IO text message; the line counts are compared.
#
#   app/src/test/bench/decode-benchmark.sh [CAPTURE] [RUNS]
#
# Without CAPTURE it builds the jar (mvn package) and makes the capture: the classroom scenario (100 WebSocket clients,
# io.emit every 10 ms) as the server's card sees it, cut to 1,000,000 frames (simulator test source
# org.netsim.bench.DecodeBenchCapture; the same bytes every time).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
file="${1:-target/decode-bench/classroom-1M.pcap}"
runs="${2:-5}"
if [ ! -f app/target/netsim.jar ]; then
  mvn -q -DskipTests package
fi
if [ ! -f "$file" ]; then
  mkdir -p "$(dirname "$file")"
  mvn -q -pl simulator test-compile exec:exec -Dbench.main=org.netsim.bench.DecodeBenchCapture \
      -Dbench="$(realpath -m "$file")"
fi

# best wall time (s) and the peak RSS (KB) of that run, over $runs runs of the command; prints "seconds kb lines"
measure() {
  local best_s="" best_kb="" lines=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o /tmp/decode-bench.time "$@" > /tmp/decode-bench.out
    local s kb
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); t=0; for(i=1;i<=n;i++) t=t*60+p[i]; print t}' /tmp/decode-bench.time)
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/decode-bench.time)
    lines=$(wc -l < /tmp/decode-bench.out)
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
  done
  echo "$best_s $best_kb $lines"
}

read -r n_s n_kb n_lines < <(measure java -jar app/target/netsim.jar decode "$file")
n_events=$(grep -c "socket.io\|engine.io" /tmp/decode-bench.out || true)
read -r t_s t_kb t_lines < <(measure tshark -r "$file" -Y websocket.payload.text -T fields -e websocket.payload.text)
frames=$(capinfos -c -M "$file" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}' || echo "?")
echo "capture: $file ($frames frames, $(stat -c %s "$file") bytes), best of $runs runs, $(nproc) cores"
printf 'netsim decode: %6.2f s  %7.1f MB  %d lines (%d Socket.IO/Engine.IO messages)\n' "$n_s" "$(echo "$n_kb/1024" | bc -l)" "$n_lines" "$n_events"
printf 'tshark:        %6.2f s  %7.1f MB  %d lines\n' "$t_s" "$(echo "$t_kb/1024" | bc -l)" "$t_lines"
printf 'ratio: %.1fx faster, %.1f%% of the memory\n' "$(echo "$t_s/$n_s" | bc -l)" "$(echo "100*$n_kb/$t_kb" | bc -l)"
