import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

// MUSTER_DEV_SERVER points dev and preview at a server on another port.
const server = process.env.MUSTER_DEV_SERVER ?? "http://127.0.0.1:4100";

// The server serves dist/ with an SPA fallback; in dev, Vite serves the
// pages and passes the API and the socket through to a running server.
export default defineConfig({
  plugins: [react(), tabletApp()],
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

/**
 * The unit tablet as an installable app that opens without the network
 * once visited: a service worker (scope /unit, registered by the tablet
 * page only) precaches the built app and keeps the last plan and config.
 */
function tabletApp() {
  return VitePWA({
    injectRegister: false,
    scope: "/unit",
    includeAssets: ["icons/*.png"],
    manifest: {
      name: "Muster unit tablet",
      short_name: "Muster",
      lang: "zh-CN",
      start_url: "/unit",
      scope: "/unit",
      display: "standalone",
      orientation: "any",
      background_color: "#0b0f14",
      theme_color: "#0b0f14",
      icons: [
        { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
        {
          src: "/icons/maskable-512.png",
          sizes: "512x512",
          type: "image/png",
          purpose: "maskable",
        },
      ],
    },
    workbox: {
      globPatterns: ["**/*.{js,css,html,png}"],
      // One bundle of ~650 kB: over workbox's default would skip it.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: "/index.html",
      navigateFallbackAllowlist: [/^\/unit(\/|$)/],
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          // The page needs the plan to draw anything: the newest when the
          // network answers, the last one kept when it does not.
          urlPattern: ({ url }) =>
            url.pathname === "/api/plan" || url.pathname === "/api/config",
          handler: "NetworkFirst",
          options: { cacheName: "muster-api", networkTimeoutSeconds: 4 },
        },
      ],
    },
  });
}
