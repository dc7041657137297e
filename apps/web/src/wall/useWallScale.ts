import { useEffect, useState } from "react";

/**
 * 1 on a 1080-line screen, 2 on 2160: map symbols grow with the screen
 * as the type does (wall.css sizes type by the screen height).
 */
export function useWallScale(): number {
  const measure = () => Math.max(1, window.innerHeight / 1080);
  const [scale, setScale] = useState(measure);

  useEffect(() => {
    const onResize = () => setScale(measure());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  useEffect(() => {
    document.documentElement.style.setProperty("--wall-scale", String(scale));
  }, [scale]);
  return scale;
}
