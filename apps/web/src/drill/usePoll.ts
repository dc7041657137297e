import { useEffect, useState } from "react";

/** Reads `load` now and every `ms`; the latest answer, or null. */
export function usePoll<T>(load: () => Promise<T>, ms: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const tick = () =>
      load()
        .then((v) => live && setValue(v))
        .catch(() => undefined);
    void tick();
    const timer = setInterval(() => void tick(), ms);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, ms]);
  return value;
}
