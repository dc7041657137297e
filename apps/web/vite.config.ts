import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// MUSTER_DEV_SERVER points dev and preview at a server on another port.
const server = process.env.MUSTER_DEV_SERVER ?? "http://127.0.0.1:4100";

// The server serves dist/ with an SPA fallback; in dev, Vite serves the
// pages and passes the API and the socket through to a running server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // One bundle for every page: the engine, Leaflet and React together
    // are ~650 kB, loaded once and cached; splitting buys little on a LAN.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": server,
      "/socket.io": { target: server, ws: true },
    },
  },
});
