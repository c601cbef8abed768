const { Server } = require("socket.io");
const io = new Server(Number(process.env.PORT || 3107));
io.on("connection", (socket) => {
  socket.on("chat", (msg, ack) => { socket.emit("chat", msg); if (typeof ack === "function") ack("ok"); });
  socket.on("bin", (b) => { socket.emit("bin", Buffer.from([5,6,7])); });
});
setTimeout(() => { io.close(); process.exit(0); }, 9000);
