// Renders the Marketplace icon (media/icon.png, 128×128) from the activity-bar glyph (media/modelarts.svg): the
// glyph's strokes in white on a rounded blue square, which reads on light and dark pages alike. Plain Node (zlib for
// the PNG), so the same SVG always gives the same bytes: `npm run icon` after changing the glyph.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const cornerRadius = 26;
const glyphScale = 4; // the 24-unit viewBox becomes 96 px, centred
const glyphOffset = (size - 24 * glyphScale) / 2;
const topColor = [0x1f, 0x6f, 0xeb];
const bottomColor = [0x0b, 0x3d, 0x91];
const samplesPerAxis = 4;

const svg = readFileSync(new URL('../media/modelarts.svg', import.meta.url), 'utf8');
const strokeWidth = Number(/stroke-width="([\d.]+)"/.exec(svg)?.[1] ?? 1.5) * glyphScale;
const subpaths = [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap((match) => parsePath(match[1]));

/** The subpaths of an SVG path's data, as polylines in icon pixels; supports M, L, H, V and Z, absolute or relative. */
function parsePath(data) {
  const tokens = data.match(/[MLHVZmlhvz]|-?(?:\d*\.\d+|\d+)/g) ?? [];
  const result = [];
  let command = 'M';
  let current = [0, 0];
  let points = [];
  const finish = (closed) => {
    if (points.length > 1) {
      result.push({ points: points.map(([x, y]) => [glyphOffset + x * glyphScale, glyphOffset + y * glyphScale]), closed });
    }
  };
  for (let index = 0; index < tokens.length; ) {
    if (/[a-z]/i.test(tokens[index])) {
      command = tokens[index++];
      if (command === 'Z' || command === 'z') {
        points.push(points[0]);
        finish(true);
        current = points[0] ?? current;
        points = [current];
        continue;
      }
    }
    const relative = command === command.toLowerCase();
    const take = () => Number(tokens[index++]);
    const [x0, y0] = relative ? current : [0, 0];
    switch (command.toUpperCase()) {
      case 'M':
        finish(false);
        current = [x0 + take(), y0 + take()];
        points = [current];
        command = relative ? 'l' : 'L'; // pairs after a moveto are linetos
        continue;
      case 'L': current = [x0 + take(), y0 + take()]; break;
      case 'H': current = [(relative ? current[0] : 0) + take(), current[1]]; break;
      case 'V': current = [current[0], (relative ? current[1] : 0) + take()]; break;
      default: throw new Error(`Unsupported path command ${command}`);
    }
    points.push(current);
  }
  finish(false);
  return result;
}

/** Whether a point lies within half the stroke width of a subpath: round joins, butt ends where it is open. */
function onStroke(x, y) {
  for (const { points, closed } of subpaths) {
    const segments = points.length - 1;
    for (let i = 0; i < segments; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
      if ((!closed && i === 0 && t < 0) || (!closed && i === segments - 1 && t > 1)) {
        continue;
      }
      const clamped = Math.min(1, Math.max(0, t));
      if (Math.hypot(x - (ax + clamped * dx), y - (ay + clamped * dy)) <= strokeWidth / 2) {
        return true;
      }
    }
  }
  return false;
}

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, cornerRadius), size - cornerRadius);
  const cy = Math.min(Math.max(y, cornerRadius), size - cornerRadius);
  return Math.hypot(x - cx, y - cy) <= cornerRadius;
}

const rows = [];
for (let py = 0; py < size; py++) {
  const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
  const shade = py / (size - 1);
  const background = topColor.map((top, channel) => top + (bottomColor[channel] - top) * shade);
  for (let px = 0; px < size; px++) {
    let inside = 0;
    let glyph = 0;
    for (let sy = 0; sy < samplesPerAxis; sy++) {
      for (let sx = 0; sx < samplesPerAxis; sx++) {
        const x = px + (sx + 0.5) / samplesPerAxis;
        const y = py + (sy + 0.5) / samplesPerAxis;
        if (inRoundedSquare(x, y)) {
          inside++;
          glyph += onStroke(x, y) ? 1 : 0;
        }
      }
    }
    const white = inside ? glyph / inside : 0;
    background.forEach((value, channel) => { row[1 + px * 4 + channel] = Math.round(value + (255 - value) * white); });
    row[1 + px * 4 + 3] = Math.round((255 * inside) / samplesPerAxis ** 2);
  }
  rows.push(row);
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
  }
  return ~crc >>> 0;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${size}×${size}, ${png.length} bytes`);
