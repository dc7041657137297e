import { useEffect } from "react";

/**
 * Keeps the screen on while `active`, where the browser offers a screen
 * wake lock. The browser drops the lock whenever the page is hidden, so
 * it is asked for again each time the page becomes visible.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let stopped = false;

    const acquire = async () => {
      if (document.visibilityState !== "visible") return;
      if (lock && !lock.released) return;
      try {
        const granted = await navigator.wakeLock.request("screen");
        if (stopped) void granted.release();
        else lock = granted;
      } catch {
        // Refused (battery saver, say): the page works, the screen sleeps.
      }
    };
    const onVisibility = () => void acquire();

    document.addEventListener("visibilitychange", onVisibility);
    void acquire();
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisibility);
      void lock?.release();
    };
  }, [active]);
}
