const { io } = require("socket.io-client");
const s = io("http://127.0.0.1:3111", { transports: ["websocket"] });
s.on("connect", () => {
  s.emit("chat", "hi", () => { setTimeout(() => s.disconnect(), 200); });
});
s.on("disconnect", () => setTimeout(() => process.exit(0), 1500));
