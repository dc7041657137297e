/**
 * Regenerates the approximate district boundaries of the default plan.
 *
 * The source gives seats but no boundaries, so each district's ring is the
 * Voronoi cell of its seat clipped to a rough outline of Haiyan County. The
 * script rewrites the `boundary` of every district in the plan file in place;
 * comments and the rest of the file are kept byte for byte.
 *
 * Run from the repository root:
 *   pnpm --filter @muster/plan boundaries [absolute path of plan.yaml]
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  booleanPointInPolygon,
  featureCollection,
  intersect,
  point,
  polygon,
  voronoi,
} from "@turf/turf";
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Range,
} from "yaml";
import { defaultPlanFile } from "../src/load.ts";

type Position = [lon: number, lat: number];

// Hand-drawn from a small-scale map, good to a few kilometres: the Hangzhou
// Bay coast to the south-east, the inland edge to the north-west. Wide enough
// to hold all five seats; it is not a surveyed county line.
const countyOutline: Position[] = [
  [120.8, 30.52],
  [120.9, 30.49],
  [120.96, 30.5],
  [121.02, 30.53],
  [121.08, 30.57],
  [121.1, 30.62],
  [121.0, 30.65],
  [120.93, 30.71],
  [120.83, 30.7],
  [120.78, 30.62],
  [120.8, 30.52],
];

// 4 decimals is about 10 m, far finer than the outline itself.
const round = (value: number): number => Math.round(value * 1e4) / 1e4;

interface Seat {
  id: string;
  lat: number;
  lon: number;
}

function readSeats(doc: Document): Seat[] {
  const districts = doc.get("districts");
  if (!isSeq(districts)) throw new Error("plan has no districts list");

  return districts.items.map((item, index) => {
    if (!isMap(item)) throw new Error(`districts[${index}] is not a mapping`);
    const id = String(item.get("id"));
    const lat = Number(doc.getIn(["districts", index, "seat", "lat"]));
    const lon = Number(doc.getIn(["districts", index, "seat", "lon"]));
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(`districts[${index}] (${id}) has no usable seat`);
    }
    return { id, lat, lon };
  });
}

/** The clipped Voronoi cell of each seat, as a closed, rounded ring. */
function cellRings(seats: Seat[]): Position[][] {
  const outline = polygon([countyOutline]);
  const seeds = featureCollection(seats.map((s) => point([s.lon, s.lat])));
  // The bbox must contain the outline, or cells would be cut short.
  const cells = voronoi(seeds, { bbox: [120.6, 30.3, 121.3, 30.9] });

  return seats.map((seat, index) => {
    const cell = cells.features[index];
    if (!cell) throw new Error(`no Voronoi cell for ${seat.id}`);
    const clipped = intersect(featureCollection([cell, outline]));
    if (!clipped || clipped.geometry.type !== "Polygon") {
      throw new Error(`cell of ${seat.id} is not one polygon after clipping`);
    }

    const ring = roundRing(clipped.geometry.coordinates[0] ?? []);
    if (!booleanPointInPolygon([seat.lon, seat.lat], polygon([ring]))) {
      throw new Error(`seat of ${seat.id} fell outside its own cell`);
    }
    return ring;
  });
}

function roundRing(coordinates: number[][]): Position[] {
  const ring: Position[] = [];
  for (const [lon = NaN, lat = NaN] of coordinates) {
    const next: Position = [round(lon), round(lat)];
    const last = ring[ring.length - 1];
    // Rounding can merge neighbouring vertices; keep one of each.
    if (last && last[0] === next[0] && last[1] === next[1]) continue;
    ring.push(next);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
  }
  return ring;
}

/**
 * Rewrites one district's `boundary` in the source text, leaving every other
 * byte alone: re-serialising the whole document would reflow notes.
 */
function spliceRing(
  text: string,
  doc: Document,
  index: number,
  ring: Position[],
): string {
  const district = doc.getIn(["districts", index], true);
  if (!isMap(district)) throw new Error(`districts[${index}] is not a mapping`);
  const pair = district.items.find(
    (p) => isScalar(p.key) && p.key.value === "boundary",
  );
  const keyRange = isScalar(pair?.key) ? pair.key.range : undefined;
  const valueRange = (pair?.value as { range?: Range } | null)?.range;
  if (!keyRange || !valueRange) {
    throw new Error(`districts[${index}] has no boundary to replace`);
  }

  const lineStart = text.lastIndexOf("\n", keyRange[0]) + 1;
  const indent = " ".repeat(keyRange[0] - lineStart);
  // Block list of flow pairs: one vertex a line, as Prettier leaves it.
  const vertices = ring.map(([lon, lat]) => `\n${indent}  - [${lon}, ${lat}]`);
  const replacement = `boundary:${vertices.join("")}`;
  // A block list's range runs on over the line break and indentation that
  // follow it; those belong to the next key.
  let end = valueRange[1];
  while (end > keyRange[0] && /\s/.test(text.charAt(end - 1))) end--;
  return text.slice(0, keyRange[0]) + replacement + text.slice(end);
}

function main(): void {
  const file = process.argv[2] ?? defaultPlanFile;
  let text = readFileSync(file, "utf8");
  const doc = parseDocument(text);
  const [syntaxError] = doc.errors;
  if (syntaxError) throw new Error(syntaxError.message);

  const seats = readSeats(doc);
  const rings = cellRings(seats);
  const approximate = seats.every(
    (_, i) => doc.getIn(["districts", i, "boundaryApproximate"]) === true,
  );
  if (!approximate) {
    throw new Error("set boundaryApproximate: true on every district first");
  }

  // From the last district up, so earlier offsets stay valid.
  for (let i = rings.length - 1; i >= 0; i--) {
    text = spliceRing(text, doc, i, rings[i] ?? []);
  }
  writeFileSync(file, text);
  console.log(
    `wrote ${rings.length} boundaries to ${file}: ` +
      seats
        .map((s, i) => `${s.id} ${rings[i]?.length ?? 0} vertices`)
        .join(", "),
  );
}

main();
