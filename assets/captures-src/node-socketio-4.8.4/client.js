// Reference client: socket.io-client 4.8.4 in Node, one scenario per run (argv[2]).
const { io } = require("socket.io-client");

const scenario = process.argv[2];
// $HOST: the server's address (::1 for IPv6 loopback, written in brackets in the URL as RFC 3986 §3.2.2 says)
const host = process.env.HOST || "127.0.0.1";
const url = "http://" + (host.includes(":") ? "[" + host + "]" : host) + ":" + Number(process.env.PORT || 3000);
const WS = { transports: ["websocket"] };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const once = (s, ev) => new Promise((r) => s.once(ev, (...a) => r(a)));
const emitAck = (s, ...a) => new Promise((r) => s.emit(...a, (...res) => r(res)));
setTimeout(() => { console.error("client: safety timeout"); process.exit(2); }, 15000).unref();

async function end(...sockets) {
  for (const s of sockets) { s.disconnect(); await sleep(100); }
  await sleep(500);
  process.exit(0);
}

const scenarios = {
  async "polling-upgrade"() {
    const s = io(url);
    // emit only once both the Socket.IO connect and the WebSocket upgrade are done: fixed order
    await Promise.all([once(s, "connect"), once(s.io, "open").then(() => once(s.io.engine, "upgrade"))]);
    await sleep(50);
    s.emit("some-event", "hello");
    console.log("reply", JSON.stringify((await once(s, "reply"))[0]));
    await sleep(50);
    await end(s);
  },
  async "polling-upgrade-noop"() {
    // open Engine.IO first and send the Socket.IO CONNECT only after the upgrade: the pending poll is then
    // answered with a noop (6) during the upgrade, and 40 goes over the WebSocket
    const s = io(url, { autoConnect: false });
    s.io.open();
    await once(s.io, "open");
    await once(s.io.engine, "upgrade");
    await sleep(50);
    s.connect();
    await once(s, "connect");
    await sleep(50);
    s.emit("some-event", "hello");
    await once(s, "reply");
    await sleep(50);
    await end(s);
  },
  async "polling-only"() {
    const s = io(url, { transports: ["polling"] });
    await once(s, "connect");
    await sleep(50);
    const r = once(s, "reply");
    s.emit("some-event", "hello");                    // written at once: one POST with one packet
    s.emit("a", 1);                                   // buffered while that POST is in flight ...
    s.emit("bin", Buffer.from([1, 2, 3, 4]));         // ... then sent together in one POST, joined by \x1e
    await r;
    await once(s, "srv-bin");
    await sleep(100);
    await end(s);
  },
  async "websocket-only"() {
    const s = io(url, WS);
    await once(s, "connect");
    await sleep(50);
    s.emit("chat", "hi");
    await sleep(50);
    console.log("ack0", await emitAck(s, "x", 1));
    await sleep(50);
    const q = once(s, "srv-q");
    console.log("ack1", await emitAck(s, "x", 2));
    const [text, cb] = await q;
    await sleep(50);
    cb("a", 3);
    await sleep(50);
    s.emit("bin", Buffer.from([1, 2, 3, 4]));
    await sleep(50);
    const sb = once(s, "srv-bin");
    s.emit("nested", { a: Buffer.from([5]), b: [Buffer.from([6, 7])] });
    console.log("srv-bin", await sb);
    await sleep(50);
    const admin = io(url + "/admin", WS);           // same Manager: multiplexed on the same WebSocket
    await once(admin, "connect");
    await sleep(50);
    admin.emit("admin-event", "hi admin");
    await once(admin, "admin-reply");
    await sleep(50);
    await end(admin, s);
  },
  async "rooms-broadcast"() {
    const mk = (name) => io(url, { ...WS, forceNew: true, auth: { name } });
    const a = mk("A"); await once(a, "connect"); await sleep(50);
    const b = mk("B"); await once(b, "connect"); await sleep(50);
    const c = mk("C"); await once(c, "connect"); await sleep(50);
    let p = Promise.all([once(a, "room-msg"), once(b, "room-msg")]);
    a.emit("go-room"); await p; await sleep(50);
    p = Promise.all([once(a, "bcast"), once(b, "bcast")]);
    c.emit("go-broadcast"); await p; await sleep(50);
    p = Promise.all([once(a, "all"), once(b, "all"), once(c, "all")]);
    a.emit("go-all"); await p; await sleep(50);
    await end(a, b, c);
  },
  async "heartbeat"() {
    const s = io(url, WS);
    await once(s, "connect");
    await sleep(1000);
    await end(s);
  },
  async "heartbeat-polling"() {
    const s = io(url, { transports: ["polling"] });
    await once(s, "connect");
    await sleep(1000);
    await end(s);
  },
  async "large-payload"() {
    const s = io(url, WS);
    await once(s, "connect");
    await sleep(50);
    let p = once(s, "mid"); s.emit("mid", "m".repeat(300)); await p; await sleep(50);
    p = once(s, "big"); s.emit("big", "a".repeat(70000)); await p; await sleep(50);
    await end(s);
  },
  async "json-edge"() {
    const s = io(url, WS);
    await once(s, "connect");
    await sleep(50);
    const sends = [
      ["str", "é€😀", "\u0001\n\t", "</script>", "\u2028\u2029", "\ud800", "\"\\/", "\b\f\r\u001f\u007f"],
      ["num", 1e21, 1e-7, -0, 0.1 + 0.2, 123456789012345680000, 5e-324, 1.7976931348623157e308,
        2 ** 53 + 1, 100, 1e20, 0.000001, NaN, Infinity, -1.5],
      ["obj", { b: 1, 2: 2, a: 3, 1: 4 }, { 10: 1, 9: 2, "-1": 3, "01": 4, 4294967295: 5, 4294967294: 6 },
        { d: new Date(0), u: undefined, f: () => 1, v: 1 }],
      ["nest", [[1, [2, [3, []]]], {}], [null, true, false], { x: { y: { z: [{}] } } }, [undefined, () => 1]],
    ];
    for (const args of sends) {
      const p = once(s, args[0]);
      s.emit(...args);
      console.log(args[0], JSON.stringify(await p));
      await sleep(50);
    }
    await end(s);
  },
};

scenarios[scenario]().catch((e) => { console.error(e); process.exit(1); });
