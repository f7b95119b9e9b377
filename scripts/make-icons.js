#!/usr/bin/env node
/**
 * Draws the add-in's icons: a deep-red rounded square with a white check mark, written as
 * RGBA PNG files to assets/icon-<size>.png (16, 32 and 80 for the ribbon buttons, 32 and 64
 * for the add-in's IconUrl / HighResolutionIconUrl, 128 for store-style listings).
 *
 *   node scripts/make-icons.js          write the files
 *   node scripts/make-icons.js --check  exit 1 if a file differs from what would be written
 *
 * Plain Node, no dependencies: a minimal PNG encoder (IHDR, one IDAT through
 * zlib.deflateSync, IEND, CRC-32). Each pixel is the average of 16 x 16 samples, which gives
 * clean anti-aliased edges even at 16 px. The output is deterministic, so the files can be
 * committed and checked.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const RED = [0xc0, 0x00, 0x00];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 16;
const ASSETS = path.join(__dirname, "..", "assets");

// Geometry in units of the icon's side (0..1).
const INSET = 1 / 16; // margin around the square: 1 px at 16 px
const RADIUS = 3 / 16; // corner radius of the square
const STROKE = 2.25 / 16; // width of the check mark's stroke
const CHECK = [
  [0.28, 0.52],
  [0.44, 0.68],
  [0.73, 0.36],
]; // the check mark's polyline (short leg, then long leg)

/** Signed distance from (x, y) to a rounded rectangle (negative inside). */
function roundedRectDistance(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The colour of one sample point (unit coordinates), or null where the icon is transparent. */
function sampleColour(u, v) {
  if (roundedRectDistance(u, v, INSET, INSET, 1 - INSET, 1 - INSET, RADIUS) > 0) return null;
  for (let i = 0; i + 1 < CHECK.length; i++) {
    const [a, b] = [CHECK[i], CHECK[i + 1]];
    if (segmentDistance(u, v, a[0], a[1], b[0], b[1]) <= STROKE / 2) return WHITE;
  }
  return RED;
}

/** Renders the icon at `size` px as RGBA bytes (row-major, straight alpha). */
function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums over a regular grid of samples inside the pixel.
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = sampleColour(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size
          );
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent: leave 0,0,0,0
      rgba[o] = Math.round(r / covered);
      rgba[o + 1] = Math.round(g / covered);
      rgba[o + 2] = Math.round(b / covered);
      rgba[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses it) of a buffer. */
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA bytes as an 8-bit truecolour-with-alpha PNG (no filtering, one IDAT). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The PNG file for one size. */
function iconPng(size) {
  return encodePng(size, size, renderIcon(size));
}

function main(argv) {
  const check = argv.includes("--check");
  const stale = [];
  if (!check) fs.mkdirSync(ASSETS, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(ASSETS, `icon-${size}.png`);
    const png = iconPng(size);
    if (check) {
      if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) stale.push(file);
    } else {
      fs.writeFileSync(file, png);
      console.log(`${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  if (stale.length > 0) {
    console.error(`Out of date (run node scripts/make-icons.js): ${stale.join(", ")}`);
    return 1;
  }
  return 0;
}

module.exports = { SIZES, renderIcon, encodePng, iconPng, crc32 };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
