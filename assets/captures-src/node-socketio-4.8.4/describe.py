#!/usr/bin/env python3
"""Describe a loopback capture of socket.io traffic frame by frame (own parser, no tshark needed).

Usage: describe.py FILE.pcap [SERVER_PORT]  -> text on stdout.
Reads classic pcap (Ethernet link type), IPv4, TCP; reassembles each TCP direction and parses HTTP/1.1 heads
and bodies, then RFC 6455 frames after a 101, then Engine.IO 4 / Socket.IO 5 packets."""
import struct, sys, json

path = sys.argv[1]
SPORT = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
data = open(path, 'rb').read()
magic, vmaj, vmin, _, _, snap, link = struct.unpack('<IHHiIII', data[:24])
assert magic == 0xa1b2c3d4 and link == 1, 'expect classic little-endian pcap, Ethernet'
frames = []
off = 24
while off < len(data):
    ts, tus, incl, orig = struct.unpack('<IIII', data[off:off + 16])
    frames.append((ts + tus / 1e6, data[off + 16:off + 16 + incl], orig))
    off += 16 + incl
t0 = frames[0][0]

FLAGS = [(0x100, 'AE'), (0x80, 'CWR'), (0x40, 'ECE'), (0x20, 'URG'), (0x10, 'ACK'), (0x08, 'PSH'), (0x04, 'RST'),
         (0x02, 'SYN'), (0x01, 'FIN')]
def flagstr(f):
    return ','.join(n for b, n in reversed(FLAGS) if f & b and n not in ('AE',)) or 'none'

def tcp_options(b):
    out, i = [], 0
    while i < len(b):
        k = b[i]
        if k == 0: out.append('EOL'); i += 1; continue
        if k == 1: out.append('NOP'); i += 1; continue
        l = b[i + 1]; v = b[i + 2:i + l]
        if k == 2: out.append('MSS=%d' % struct.unpack('>H', v)[0])
        elif k == 3: out.append('WS=%d (x%d)' % (v[0], 1 << v[0]))
        elif k == 4: out.append('SACK_PERM')
        elif k == 8: out.append('TS val=%d ecr=%d' % struct.unpack('>II', v))
        else: out.append('kind%d:%s' % (k, v.hex()))
        i += l
    return ' '.join(out)

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('>%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

# ---- per frame
recs = []
conns = {}      # (clientport) -> dict(isn_c, isn_s, idx)
for n, (ts, b, orig) in enumerate(frames, 1):
    eth = b[:14]
    ip = b[14:]
    ihl = (ip[0] & 15) * 4
    tot = struct.unpack('>H', ip[2:4])[0]
    ipid = struct.unpack('>H', ip[4:6])[0]
    ffo = struct.unpack('>H', ip[6:8])[0]
    ttl, proto = ip[8], ip[9]
    ipck = struct.unpack('>H', ip[10:12])[0]
    ipck_ok = csum(ip[:10] + b'\0\0' + ip[12:ihl]) == ipck
    tcp = ip[ihl:tot]
    sp, dp, seq, ack, offf, win, tck, urg = struct.unpack('>HHIIHHHH', tcp[:20])
    doff = (offf >> 12) * 4
    flags = offf & 0x1ff
    opts = tcp[20:doff]
    pay = tcp[doff:]
    pseudo = ip[12:20] + struct.pack('>BBH', 0, 6, len(tcp))
    tck_ok = csum(pseudo + tcp[:16] + b'\0\0' + tcp[18:]) == tck
    c2s = dp == SPORT
    cport = sp if c2s else dp
    c = conns.setdefault(cport, {'idx': len(conns), 'isn': {}, 'ws': {}, 'wsc': {}})
    d = 'c2s' if c2s else 's2c'
    if flags & 2: c['isn'][d] = seq
    rseq = seq - c['isn'].get(d, seq)
    od = 's2c' if c2s else 'c2s'
    rack = (ack - c['isn'][od]) if (flags & 0x10 and od in c['isn']) else 0
    recs.append(dict(n=n, t=ts - t0, c2s=c2s, cport=cport, eth=eth, ipid=ipid, df=bool(ffo & 0x4000), ttl=ttl,
                     tos=ip[1], tot=tot, ipck=ipck, ipck_ok=ipck_ok, flags=flags, seq=seq, ack=ack, rseq=rseq,
                     rack=rack, win=win, tck=tck, tck_ok=tck_ok, opts=opts, pay=pay, doff=doff, flen=len(b),
                     orig=orig, units=[]))

# ---- reassembly per connection and direction
streams = {}
for r in recs:
    key = (r['cport'], r['c2s'])
    s = streams.setdefault(key, {'buf': bytearray(), 'map': [], 'next': None})
    if r['flags'] & 2:
        s['next'] = r['seq'] + 1
        continue
    if r['pay']:
        if s['next'] is not None and r['seq'] != s['next']:
            r['note'] = 'out of order or retransmission (seq %d, expected %d)' % (r['seq'], s['next'])
            if r['seq'] < s['next']:
                continue
        s['map'].append((len(s['buf']), r['n']))
        s['buf'] += r['pay']
        s['next'] = r['seq'] + len(r['pay'])

def frame_at(key, pos):
    m = streams[key]['map']
    f = m[0][1]
    for o, n in m:
        if o <= pos: f = n
        else: break
    return f

def esc(s):
    """The text as is, except control characters, DEL, U+2028/U+2029 and lone surrogates, which are shown as
    \\u{XXXX} so that they are visible (a real backslash in the data stays a plain backslash)."""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 0x20 or o == 0x7f or o in (0x2028, 0x2029) or 0xd800 <= o <= 0xdfff:
            out.append('\\u{%04X}' % o)
        else:
            out.append(ch)
    return ''.join(out)

def show_bytes(bs, limit=256):
    if len(bs) <= limit: return bs.hex(' ')
    return bs[:64].hex(' ') + ' ... (%d bytes in all) ... ' % len(bs) + bs[-16:].hex(' ')

def show_text(t, limit=400):
    if len(t) <= limit: return esc(t)
    out, i = [], 0      # long runs of one character are written <c x count>
    while i < len(t):
        j = i
        while j < len(t) and t[j] == t[i]: j += 1
        out.append(esc(t[i:j]) if j - i < 8 else '<%s x %d>' % (esc(t[i]), j - i))
        i = j
    return ''.join(out)

SIO = {'0': 'CONNECT', '1': 'DISCONNECT', '2': 'EVENT', '3': 'ACK', '4': 'CONNECT_ERROR', '5': 'BINARY_EVENT',
       '6': 'BINARY_ACK'}
EIO = {'0': 'open', '1': 'close', '2': 'ping', '3': 'pong', '4': 'message', '5': 'upgrade', '6': 'noop'}

def sio_desc(p):
    if not p or p[0] not in SIO: return 'Socket.IO ?'
    i = 1; out = ['Socket.IO ' + SIO[p[0]]]
    if p[0] in '56':
        j = p.index('-', i); out.append('attachments=' + p[i:j]); i = j + 1
    nsp = '/'
    if i < len(p) and p[i] == '/':
        j = p.find(',', i)
        if j < 0: j = len(p); nsp = p[i:]; i = j
        else: nsp = p[i:j]; i = j + 1
    out.append('nsp=' + nsp)
    j = i
    while j < len(p) and p[j].isdigit(): j += 1
    if j > i: out.append('ackId=' + p[i:j])
    if j < len(p): out.append('data=' + show_text(p[j:], 200))
    return ' '.join(out)

def eio_desc(p, binary=False):
    if binary: return 'Engine.IO binary message (no type prefix over WebSocket): ' + show_bytes(p)
    if p.startswith('b'): return 'Engine.IO binary message, base64 on polling: ' + p
    if not p or p[0] not in EIO: return 'Engine.IO ?'
    d = 'Engine.IO %s(%s)' % (EIO[p[0]], p[0])
    rest = p[1:]
    if p[0] == '4': return d + ' -> ' + sio_desc(rest)
    if rest: d += ' data=' + show_text(rest, 200)
    return d

# ---- parse application units per stream
for (cport, c2s), s in streams.items():
    buf = bytes(s['buf']); key = (cport, c2s); pos = 0; ws = False
    other = streams.get((cport, not c2s))
    while pos < len(buf):
        f = frame_at(key, pos)
        rec = recs[f - 1]
        if not ws and (buf[pos:pos + 4] in (b'GET ', b'POST', b'HTTP')):
            e = buf.find(b'\r\n\r\n', pos)
            if e < 0:
                rec['units'].append('incomplete HTTP head: ' + show_bytes(buf[pos:])); break
            head = buf[pos:e + 4].decode('latin-1')
            lines = head.split('\r\n')[:-2]
            hdr = {l.split(':', 1)[0].lower(): l.split(':', 1)[1].strip() for l in lines[1:]}
            cl = int(hdr.get('content-length', '0'))
            chunked = hdr.get('transfer-encoding', '').lower() == 'chunked'
            body = buf[e + 4:e + 4 + cl]
            endf = frame_at(key, e + 4 + cl - 1) if cl else frame_at(key, e + 3)
            u = ['HTTP %s head, %d bytes (every line ends CRLF, then an empty line)%s:' % (
                'request' if c2s else 'response', e + 4 - pos, '' if endf == f else ', ends in frame %d' % endf)]
            u += ['    | ' + l for l in lines]
            if chunked: u.append('    (chunked body: not decoded)')
            if cl:
                u.append('  body %d bytes: %s' % (cl, show_text(body.decode('utf-8', 'replace'))))
                if b'\x1e' in body or hdr.get('content-type', '').startswith('text/plain'):
                    for part in body.decode('utf-8').split('\x1e'):
                        u.append('    ' + eio_desc(part))
            rec['units'].append('\n'.join(u))
            if lines[0].startswith('HTTP/1.1 101'):
                ws = True
            if c2s and hdr.get('upgrade', '').lower() == 'websocket':
                ws = True
            pos = e + 4 + cl
            continue
        if ws:
            b0, b1 = buf[pos], buf[pos + 1]
            fin, rsv, op = b0 >> 7, (b0 >> 4) & 7, b0 & 15
            masked, ln = b1 >> 7, b1 & 127
            h = 2
            if ln == 126: ln = struct.unpack('>H', buf[pos + 2:pos + 4])[0]; h = 4
            elif ln == 127: ln = struct.unpack('>Q', buf[pos + 2:pos + 10])[0]; h = 10
            key4 = buf[pos + h:pos + h + 4] if masked else b''
            h += len(key4)
            raw = buf[pos:pos + h + ln]
            pl = bytes(x ^ key4[i % 4] for i, x in enumerate(raw[h:])) if masked else raw[h:]
            endf = frame_at(key, pos + h + ln - 1)
            opn = {0: 'continuation', 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong'}.get(op, '?')
            u = ['WebSocket frame, %d bytes%s: FIN=%d RSV=%d opcode=%d (%s) MASK=%d payload length=%d%s%s' % (
                len(raw), '' if endf == f else ' (frames %d..%d)' % (f, endf), fin, rsv, op, opn, masked, ln,
                ' (%s extended length)' % ('16-bit' if h - len(key4) == 4 else '64-bit') if h - len(key4) > 2 else '',
                ' masking key=' + key4.hex() if masked else '')]
            u.append('  raw frame hex: ' + show_bytes(raw))
            if op == 1:
                t = pl.decode('utf-8', 'surrogatepass')
                u.append('  payload text: ' + show_text(t))
                u.append('  ' + eio_desc(t))
            elif op == 2:
                u.append('  payload: ' + show_bytes(pl))
                u.append('  ' + eio_desc(pl, True))
            elif op == 8:
                u.append('  close code=%s reason=%r' % (struct.unpack('>H', pl[:2])[0] if len(pl) >= 2 else 'none',
                                                       pl[2:].decode()))
            rec['units'].append('\n'.join(u))
            pos += len(raw)
            continue
        rec['units'].append('unparsed bytes: ' + show_bytes(buf[pos:]))
        break

# ---- print
print('Capture: %s, %d frames, snaplen %d, link type Ethernet (%d)' % (path.split('/')[-1], len(frames), snap, link))
print('Connections (client port -> index):', ', '.join('%d=#%d' % (p, c['idx']) for p, c in conns.items()))
print('Legend: C<port>->S = client to server :%d; seq/ack relative to the ISN; win = raw window field;' % SPORT)
print('        tcpck: "ok" if the TCP checksum is right (loopback leaves it to offload, so usually "offload");')
print('        every frame has all-zero MACs and EtherType 0800 unless noted.')
print('        Texts are shown as they are on the wire, except control characters, DEL, U+2028/2029 and lone')
print('        surrogates, written \\u{XXXX} here; long runs of one character are written <c x count>.')
print()
for r in recs:
    dirn = ('C%d->S' % r['cport']) if r['c2s'] else ('S->C%d' % r['cport'])
    line = '#%-4d %9.6f %-11s %-12s seq=%-7d ack=%-7d win=%-5d len=%-6d ip.id=0x%04x%s ttl=%d tos=0x%02x ip.len=%d ipck=%s tcpck=%s frame=%d' % (
        r['n'], r['t'], dirn, '[' + flagstr(r['flags']) + ']', r['rseq'], r['rack'], r['win'], len(r['pay']),
        r['ipid'], ' DF' if r['df'] else '', r['ttl'], r['tos'], r['tot'], 'ok' if r['ipck_ok'] else 'BAD',
        'ok' if r['tck_ok'] else 'offload', r['flen'])
    if r['eth'] != bytes(12) + b'\x08\x00': line += ' eth=' + r['eth'].hex()
    if r['flen'] != r['orig']: line += ' (truncated from %d)' % r['orig']
    print(line)
    if r['flags'] & 2 or r['doff'] != 32:
        print('      TCP header %d bytes, options: %s (hex %s), abs seq=%d ack=%d' % (
            r['doff'], tcp_options(r['opts']), r['opts'].hex(), r['seq'], r['ack']))
    else:
        print('      options: %s' % tcp_options(r['opts']))
    if r.get('note'): print('      NOTE: ' + r['note'])
    for u in r['units']:
        for l in u.split('\n'):
            print('      ' + l)
