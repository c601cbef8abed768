// Reference server: Node socket.io 4.8.4 on 127.0.0.1 (or $HOST, e.g. ::1), one scenario per run (argv[2]).
const http = require("http");
const { Server } = require("socket.io");

const scenario = process.argv[2];
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const heartbeat = scenario === "heartbeat" || scenario === "heartbeat-polling";
const opts = heartbeat ? { pingInterval: 300, pingTimeout: 200 } : {};
const httpServer = http.createServer();
const io = new Server(httpServer, opts);

let open = 0;
function finishWhenAllGone() {
  if (--open > 0) return;
  setTimeout(() => { io.close(); setTimeout(() => process.exit(0), 300); }, 300);
}
setTimeout(() => { console.error("server: safety timeout"); process.exit(2); }, 15000).unref();

io.on("connection", (socket) => {
  open++;
  socket.on("disconnect", finishWhenAllGone);
  switch (scenario) {
    case "polling-upgrade":
      socket.on("some-event", () => socket.emit("reply", { a: 1, b: [true, null, "x"] }));
      break;
    case "polling-upgrade-noop":
      socket.on("some-event", () => socket.emit("reply", { a: 1, b: [true, null, "x"] }));
      break;
    case "polling-only":
      socket.on("some-event", () => socket.emit("reply", { a: 1, b: [true, null, "x"] }));
      socket.on("bin", () => { socket.emit("two", 1); socket.emit("srv-bin", Buffer.from([8, 9])); });
      break;
    case "websocket-only":
      socket.on("chat", () => {});
      socket.on("x", (n, ack) => {
        ack("ok", 2);
        if (n === 2) socket.emit("srv-q", "q?", () => {});   // server -> client emit with ack (server ack id 0)
      });
      socket.on("bin", () => {});
      socket.on("nested", () => socket.emit("srv-bin", Buffer.from([8, 9])));
      break;
    case "rooms-broadcast":
      if (socket.handshake.auth.name !== "C") socket.join("room");
      socket.on("go-room", () => io.to("room").emit("room-msg", "to room"));
      socket.on("go-broadcast", () => socket.broadcast.emit("bcast", "from " + socket.handshake.auth.name));
      socket.on("go-all", () => io.emit("all", "everyone"));
      break;
    case "large-payload":
      socket.on("mid", (s) => socket.emit("mid", "n".repeat(s.length)));
      socket.on("big", (s) => socket.emit("big", "b".repeat(s.length)));
      break;
    case "json-edge":
      socket.onAny((event, ...args) => socket.emit(event, ...args));   // echo: the server's JSON.stringify
      break;
  }
});
io.of("/admin").on("connection", (socket) => {
  socket.on("admin-event", () => socket.emit("admin-reply", "ok"));
});

httpServer.listen(port, host, () => console.log("listening"));
