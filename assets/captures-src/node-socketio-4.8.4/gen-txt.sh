#!/bin/sh
# Usage: ./gen-txt.sh SCENARIO OUTDIR  -> OUTDIR/SCENARIO.txt (notes/SCENARIO.txt + describe.py output)
S=$1; OUT=$2
{
  echo "Reference capture $S.pcap: Node socket.io 4.8.4 server and socket.io-client 4.8.4 client on 127.0.0.1:3000"
  echo "Recorded $(date -u +%Y-%m-%d) with Node $(node -v), npm $(npm -v 2>/dev/null), engine.io 6.6.12, engine.io-parser 5.2.3,"
  echo "socket.io-parser 4.2.7, socket.io-adapter 2.5.8, engine.io-client 6.6.8, ws 8.21.3, xmlhttprequest-ssl 2.1.2;"
  echo "Linux $(uname -r), capture: dumpcap -P -i lo -f 'tcp port 3000' (classic pcap, Ethernet link type)."
  echo "Scripts: server.js / client.js / record.sh in assets/captures-src/node-socketio-4.8.4/. General facts: README.md."
  echo
  cat notes/$S.txt
  echo
  echo "================================================================================================"
  echo "Frame by frame, decoded by describe.py (tshark 4.0.17 finds the same HTTP messages, WebSocket frames and texts)"
  echo "================================================================================================"
  python3 describe.py out/$S.pcap 3000
} > $OUT/$S.txt
