import type { LatLon } from "@muster/protocol";

// Chinese tile servers draw on GCJ-02, a deliberately shifted datum; our
// data are WGS 84. Points are shifted by the published approximation
// before drawing on such tiles (off by a metre or so), and map clicks are
// shifted back by iterating the forward shift.
const a = 6378245.0;
const ee = 0.006693421622965943;

function outsideChina(p: LatLon): boolean {
  return (
    p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271
  );
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y;
  r += 0.2 * Math.sqrt(Math.abs(x));
  r +=
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r +=
    ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r +=
    ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) *
      2) /
    3;
  return r;
}

function shiftLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y;
  r += 0.1 * Math.sqrt(Math.abs(x));
  r +=
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r +=
    ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r +=
    ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) *
      2) /
    3;
  return r;
}

/** WGS 84 → GCJ-02. */
export function toGcj02(p: LatLon): LatLon {
  if (outsideChina(p)) return p;

  const x = p.lon - 105;
  const y = p.lat - 35;
  const radLat = (p.lat / 180) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - ee * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (shiftLat(x, y) * 180) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  const dLon =
    (shiftLon(x, y) * 180) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/** GCJ-02 → WGS 84, by a few rounds of correcting the forward shift. */
export function fromGcj02(p: LatLon): LatLon {
  let guess = p;
  for (let i = 0; i < 4; i++) {
    const shifted = toGcj02(guess);
    guess = {
      lat: guess.lat + (p.lat - shifted.lat),
      lon: guess.lon + (p.lon - shifted.lon),
    };
  }
  return guess;
}
