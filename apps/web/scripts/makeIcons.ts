/**
 * Draws the tablet app's icons (a white cross on a red tile) as PNG files
 * in public/icons. The icons are committed; run this only to change them:
 * `npx tsx apps/web/scripts/makeIcons.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

type Rgb = [number, number, number];

const dark: Rgb = [0x0b, 0x0f, 0x14];
const red: Rgb = [0xc6, 0x28, 0x28];
const white: Rgb = [0xff, 0xff, 0xff];

/** The colour at (x, y) of an icon `size` wide; `full` fills the square. */
function pixel(x: number, y: number, size: number, full: boolean): Rgb {
  const u = x / size;
  const v = y / size;
  const inTile = full || (u >= 0.12 && u < 0.88 && v >= 0.12 && v < 0.88);
  if (!inTile) return dark;

  const bar = (a: number, b: number) =>
    a >= 0.43 && a < 0.57 && b >= 0.27 && b < 0.73;
  return bar(u, v) || bar(v, u) ? white : red;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, full: boolean): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour RGB

  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // each row starts with filter 0
    for (let x = 0; x < size; x++) {
      rows.set(pixel(x, y, size, full), row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon-192.png", out), png(192, false));
writeFileSync(new URL("icon-512.png", out), png(512, false));
// Maskable icons are cropped to a circle by the launcher: fill the square.
writeFileSync(new URL("maskable-512.png", out), png(512, true));
