import { deflateSync } from 'node:zlib';

// The app icon, drawn at build time so that no binary lives in the repository: two
// interlocking rings (絆, a bond) on the app's blue. Runs in Node from vite.config.ts.

const blue = [0x1f, 0x4e, 0x79] as const;
const white = [0xff, 0xff, 0xff] as const;
const gold = [0xf2, 0xb7, 0x05] as const;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([new TextEncoder().encode(type), data]);
  return concat([uint32(data.length), body, uint32(crc32(body))]);
}

/** A square PNG; `maskable` keeps the rings inside the 80% safe zone and fills the corners. */
export function drawIcon(size: number, maskable = false): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  const ring = (x: number, y: number, cx: number, cy: number, r: number, w: number) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
  const scale = maskable ? 0.8 : 1;
  const radius = size * 0.2 * scale;
  const width = size * 0.07 * scale;
  const corner = maskable ? 0 : size * 0.18;
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) {
      const dx = Math.max(corner - x, x - (size - 1 - corner), 0);
      const dy = Math.max(corner - y, y - (size - 1 - corner), 0);
      const inside = Math.hypot(dx, dy) <= corner || corner === 0;
      const color = !inside
        ? undefined
        : ring(x, y, size / 2 - radius * 0.55, size / 2, radius, width)
          ? white
          : ring(x, y, size / 2 + radius * 0.55, size / 2, radius, width)
            ? gold
            : blue;
      const at = row + 1 + x * 4;
      raw[at] = color?.[0] ?? 0;
      raw[at + 1] = color?.[1] ?? 0;
      raw[at + 2] = color?.[2] ?? 0;
      raw[at + 3] = color ? 255 : 0;
    }
  }
  const header = concat([uint32(size), uint32(size), new Uint8Array([8, 6, 0, 0, 0])]); // 8-bit RGBA
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return concat([signature, chunk('IHDR', header), chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array())]);
}
