#!/bin/sh
# Usage (as root): ./record.sh SCENARIO [OUTDIR]  -> OUTDIR/SCENARIO.pcap
# Starts the capture first, then the server, then the client; stops the capture after both have exited.
# Environment: PORT (3000), HOST (127.0.0.1; ::1 for IPv6 loopback), IFACE (lo; any for Linux cooked capture),
# LINKTYPE (dumpcap -y: LINUX_SLL2 on any for version 2 of the cooked header; default: the device's own).
set -e
S=$1; OUT=${2:-out}; PORT=${PORT:-3000}; HOST=${HOST:-127.0.0.1}; IFACE=${IFACE:-lo}; export PORT HOST
mkdir -p "$OUT"; rm -f "$OUT/$S.pcap"
dumpcap -q -P -i "$IFACE" ${LINKTYPE:+-y "$LINKTYPE"} -f "tcp port $PORT" -w "$OUT/$S.pcap" 2>"$OUT/$S.dumpcap.log" & CAP=$!
sleep 1.5
node server.js "$S" > "$OUT/$S.server.log" & SRV=$!
until grep -q listening "$OUT/$S.server.log" 2>/dev/null; do sleep 0.1; done
node client.js "$S" > "$OUT/$S.client.log" || echo "client failed"
wait $SRV || echo "server failed"
sleep 1
kill -INT $CAP; wait $CAP || true
echo "$S: $(tshark -r "$OUT/$S.pcap" 2>/dev/null | wc -l) frames"
