#!/usr/bin/env python3
"""Writes hand-made.pcap: three Ethernet frames, little-endian pcap 2.4, microsecond timestamps, snaplen 262144."""
import struct

def frame(dst, src, ethertype, payload):
    return bytes.fromhex(dst) + bytes.fromhex(src) + struct.pack('>H', ethertype) + payload

arp = frame('ffffffffffff', '020000000001', 0x0806, bytes.fromhex(
    '0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002'.replace(' ', '')))
padded = frame('020000000002', '020000000001', 0x88b5, b'netsim' + bytes(40))
big = frame('020000000001', '020000000002', 0x88b5, bytes(range(84)))
records = [(1700000000, 1, arp), (1700000000, 500000, padded), (1700000001, 999999, big)]

with open('hand-made.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for sec, usec, data in records:
        f.write(struct.pack('<IIII', sec, usec, len(data), len(data)))
        f.write(data)
