#!/usr/bin/env node
// Draws the app icons of the web app manifest as PNG files in public/icons/: the favicon's
// white tick on a blue square that fills the icon, at 192 and 512 px, and a maskable 512 px
// one (the tick drawn smaller, inside the central safe circle, so any mask shape the phone
// applies keeps it whole). No image library: each pixel is sampled 4×4 times against the
// shapes and the rows go through zlib. The files are committed; run `node scripts/icons.ts`
// again only when the drawing changes.
//
// Why a square and not the favicon's rounded one: the 192 px icon is fetched on every first
// visit (the browser checks installability with it), and the rounded corners' half-transparent
// edge, different on each of their rows, was more than half of its bytes (1,240 bytes rounded,
// 492 square). Phones put an icon that is not maskable on a shape of their own anyway.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
type Shape = 'tick' | 'square';

const BLUE: Rgb = [0x0b, 0x4f, 0xa8];
const WHITE: Rgb = [0xff, 0xff, 0xff];
// public/favicon.svg, in its 32-unit grid: the tick's polyline and its stroke width. Both
// strokes run at 45°, so at 192 and 512 px each row of an edge repeats the one above, shifted
// by whole pixels, which zlib stores as a back-reference.
const TICK: readonly [Point, Point, Point] = [
  [8, 17],
  [13, 22],
  [24, 11],
];
const STROKE = 4;

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const along = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + along * dx), y - (ay + along * dy));
}

/** What covers a point of the 32-unit grid: 'tick' or 'square'. */
function shapeAt(x: number, y: number, maskable: boolean): Shape {
  // The maskable tick is drawn 0.8 times as large around the centre: its farthest point is
  // then 30 % of the size from the centre, inside the 40 % safe circle.
  const scale = maskable ? 0.8 : 1;
  const tx = 16 + (x - 16) / scale;
  const ty = 16 + (y - 16) / scale;
  const onTick = distanceToSegment(tx, ty, TICK[0], TICK[1]) <= STROKE / 2 || distanceToSegment(tx, ty, TICK[1], TICK[2]) <= STROKE / 2;
  return onTick ? 'tick' : 'square';
}

function draw(size: number, maskable: boolean): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tick = 0;
      let square = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const shape = shapeAt(((px + (sx + 0.5) / samples) * 32) / size, ((py + (sy + 0.5) / samples) * 32) / size, maskable);
          if (shape === 'tick') tick++;
          else if (shape === 'square') square++;
        }
      }
      const covered = tick + square;
      const at = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++)
        pixels[at + channel] = covered ? Math.round((WHITE[channel]! * tick + BLUE[channel]! * square) / covered) : 0;
      pixels[at + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An indexed-colour PNG: the drawing has only a few colours (blue, white and the blends of the
 * tick's edge), so a palette (PLTE) with as few bits a pixel as it needs (4 for up to 16
 * colours) is a fraction of the size of RGBA; tRNS only when a colour is not opaque. Every icon
 * is downloaded by phones that install the app, and the 192 px one counts in each page's budget.
 */
function png(size: number, pixels: Buffer): Buffer {
  const palette = new Map<number, number>();
  const indices = Buffer.alloc(size * size);
  for (let i = 0; i < size * size; i++) {
    const key = pixels.readUInt32BE(i * 4);
    const index = palette.get(key) ?? palette.size;
    palette.set(key, index);
    indices[i] = index;
  }
  if (palette.size > 256) throw new Error(`${palette.size} colours: too many for a palette`);
  const colours = [...palette.keys()];
  const plte = Buffer.from(colours.flatMap((key) => [key >>> 24, (key >>> 16) & 0xff, (key >>> 8) & 0xff]));
  const opaque = colours.every((key) => (key & 0xff) === 0xff);
  const trns = Buffer.from(colours.map((key) => key & 0xff));
  const depth = ([1, 2, 4, 8] as const).find((bits) => colours.length <= 2 ** bits)!;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([depth, 3, 0, 0, 0], 8);
  // Each row: filter type 0, then the indices packed `depth` bits each, leftmost pixel in the high bits.
  const stride = 1 + Math.ceil((size * depth) / 8);
  const rows = Buffer.alloc(size * stride);
  for (let i = 0; i < size * size; i++) {
    const bit = (i % size) * depth;
    const at = Math.floor(i / size) * stride + 1 + (bit >> 3);
    rows[at] = rows[at]! | (indices[i]! << (8 - depth - (bit & 7)));
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('PLTE', plte),
    ...(opaque ? [] : [chunk('tRNS', trns)]),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
const ICONS: [name: string, size: number, maskable: boolean][] = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
];
for (const [name, size, maskable] of ICONS) {
  const file = png(size, draw(size, maskable));
  writeFileSync(`public/icons/${name}`, file);
  console.log(`public/icons/${name}: ${size}×${size}, ${file.length} bytes`);
}
