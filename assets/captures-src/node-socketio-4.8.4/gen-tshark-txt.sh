#!/bin/sh
# Usage: ./gen-tshark-txt.sh SCENARIO FILE.pcap WHAT > FILE.txt
# Notes for a capture describe.py cannot read (IPv6, Linux cooked capture): the header, notes/SCENARIO.txt, then what
# tshark (the independent judge) finds in the file: every frame's link header, addresses and TCP segment, the HTTP
# messages and every WebSocket text.
S=$1; F=$2; WHAT=$3
N=$(basename "$F")
echo "Reference capture $N: Node socket.io 4.8.4 server and socket.io-client 4.8.4 client"
echo "$WHAT"
echo "Recorded $(date -u +%Y-%m-%d) with Node $(node -v), the versions of package-lock.json (see README.md);"
echo "Linux $(uname -r), $(tshark --version 2>/dev/null | head -1 | cut -d' ' -f1-3). Encapsulation:" \
     "$(capinfos -E "$F" | sed -n 's/^File encapsulation: *//p')."
echo "Scripts: server.js / client.js / record.sh (HOST, PORT, IFACE, LINKTYPE) in assets/captures-src/node-socketio-4.8.4/."
echo
cat notes/$S.txt
echo
echo "================================================================================================"
echo "tshark -r $N -T fields -e frame.number -e _ws.col.Protocol -e sll.pkttype -e sll.hatype -e sll.etype"
echo "  -e ipv6.src -e ipv6.dst -e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport -e tcp.flags.str -e tcp.len"
echo "================================================================================================"
tshark -r "$F" -T fields -e frame.number -e _ws.col.Protocol -e sll.pkttype -e sll.hatype -e sll.etype \
  -e ipv6.src -e ipv6.dst -e ip.src -e ip.dst -e tcp.srcport -e tcp.dstport -e tcp.flags.str -e tcp.len 2>/dev/null
echo
echo "tshark -r $N -Y http -T fields -e frame.number -e http.request.line -e http.response.code -e http.file_data"
tshark -r "$F" -Y http -T fields -e frame.number -e http.request.method -e http.request.uri -e http.response.code \
  -e http.file_data 2>/dev/null
echo
echo "tshark -r $N -Y websocket.payload.text -T fields -e frame.number -e websocket.payload.text"
tshark -r "$F" -Y websocket.payload.text -T fields -e frame.number -e websocket.payload.text 2>/dev/null
