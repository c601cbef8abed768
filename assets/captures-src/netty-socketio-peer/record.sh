#!/bin/sh
# Usage (as root, from the repository root after `mvn -q -DskipTests package`):
#   assets/captures-src/netty-socketio-peer/record.sh [OUT.pcap]
# Records the built-in peer (netty-socketio + socket.io-client-java, app/src/main/java/org/netsim/app/peer) on lo:
# dumpcap first, then PeerCapture.java on the app's jar, then dumpcap is stopped. PORT (default 3599) must be free.
set -e
OUT=${1:-polling-handshake.pcap}; PORT=${PORT:-3599}
HERE=$(dirname "$0")
dumpcap -q -P -i lo -f "tcp port $PORT" -w "$OUT" 2>/dev/null & CAP=$!
sleep 1.5
java -cp app/target/netsim.jar "$HERE/PeerCapture.java" "$PORT"
sleep 1
kill -INT $CAP; wait $CAP || true
echo "$OUT: $(tshark -r "$OUT" 2>/dev/null | wc -l) frames"
