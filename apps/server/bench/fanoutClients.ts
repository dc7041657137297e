// A worker thread holding many socket.io-client sockets; it reports when
// each socket received a marked event, with a clock shared with the parent.
import { parentPort, workerData } from "node:worker_threads";
import { io, type Socket } from "socket.io-client";
import { nowMs } from "./stats.ts";

const { url, token, count, eventName, subscribe } = workerData as {
  url: string;
  /** A session token; every socket of the pool signs in with it. */
  token: string;
  count: number;
  eventName: string;
  subscribe: boolean;
};

const sockets: Socket[] = [];
const received: number[] = [];
let round = -1;

function onMessage(marker: number) {
  if (marker !== round) return;
  received.push(nowMs());
  if (received.length === count) {
    parentPort!.postMessage({ kind: "round", times: received.splice(0) });
  }
}

async function connectAll() {
  for (let i = 0; i < count; i++) {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      auth: { token },
    });
    socket.on(
      eventName,
      (payload: {
        marker?: number;
        seq?: number;
        data?: { marker?: number };
      }) => {
        const marker = payload.marker ?? payload.seq ?? -1;
        onMessage(marker);
      },
    );
    sockets.push(socket);
    await new Promise<void>((resolve) =>
      socket.once("connect", () => resolve()),
    );
    if (subscribe) {
      await socket.emitWithAck("subscribe", { after: 0 });
    }
  }
  parentPort!.postMessage({ kind: "ready" });
}

parentPort!.on("message", (msg: { kind: string; round?: number }) => {
  if (msg.kind === "expect") round = msg.round!;
  if (msg.kind === "close") {
    sockets.forEach((s) => s.close());
    parentPort!.postMessage({ kind: "closed" });
  }
});

void connectAll();
