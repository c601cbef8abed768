const { io } = require("socket.io-client");
const mode = process.argv[2];
const opts = mode === "polling" ? { transports: ["polling"] } : mode === "ws" ? { transports: ["websocket"] } : {};
const s = io("http://127.0.0.1:3107", opts);
s.on("connect", () => {
  setTimeout(() => {
    s.emit("chat", "hi");
    s.emit("bin", Buffer.from([1,2,3,4]));
    setTimeout(() => { s.close(); process.exit(0); }, 800);
  }, mode === "both" ? 500 : 0);
});
