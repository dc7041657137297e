import { api } from "../lib/identity.ts";

const kept = ["/api/plan", "/api/config"];

/**
 * Registers the tablet's service worker. Once it controls the page, the
 * plan and config are fetched again through it so that they are kept for
 * a start without the network; `data-offline-ready` then marks the page.
 */
export function registerTabletWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;

  const keepData = () => {
    Promise.all(kept.map((path) => api(path)))
      .then(() => {
        document.documentElement.dataset.offlineReady = "true";
      })
      .catch(() => undefined); // offline now: the kept copies serve
  };
  if (container.controller) keepData();
  else container.addEventListener("controllerchange", keepData, { once: true });

  // Under `vite dev` there is no worker to register; the page works
  // online as before.
  container.register("/sw.js", { scope: "/unit" }).catch(() => undefined);
}
