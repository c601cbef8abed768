const { Server } = require("socket.io");
const io = new Server(3111);
io.on("connection", (socket) => {
  socket.on("chat", (msg, ack) => { if (typeof ack === "function") ack("ok", 2); });
});
setTimeout(() => { io.close(); process.exit(0); }, 4000);
