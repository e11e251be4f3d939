// Makes the app's icons from resources/icon.svg (the favicon's drawing): PNGs of every size the
// packagers use (resources/icons/NxN.png, the Linux set; icon.png at 1024), a Windows .ico and a
// macOS .icns. Both containers hold PNG images, which every supported Windows and macOS reads, so
// they are written here byte by byte rather than with another dependency; the SVG is drawn by the
// Chromium the end-to-end tests use. Run: npx tsx resources/generateIcons.ts (the files are committed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const HERE = __dirname;
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types holding PNG data, by pixel size (the @2x types repeat a larger image). */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** A .ico of PNG images: the header, one 16-byte entry per image (0 means 256 px), then the images. */
export function ico(images: Map<number, Buffer>, sizes: readonly number[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((size) => {
    const png = images.get(size)!;
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...sizes.map((size) => images.get(size)!)]);
}

/** An .icns: 'icns', the file's length, then per image its type, its length with this 8-byte header, the PNG. */
export function icns(images: Map<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = images.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, entry) => sum + entry.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

async function main() {
  const svg = readFileSync(join(HERE, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const images = new Map<number, Buffer>();
  try {
    for (const size of PNG_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      images.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  mkdirSync(join(HERE, 'icons'), { recursive: true });
  for (const [size, png] of images) writeFileSync(join(HERE, 'icons', `${size}x${size}.png`), png);
  writeFileSync(join(HERE, 'icon.png'), images.get(1024)!);
  writeFileSync(join(HERE, 'icon.ico'), ico(images, ICO_SIZES));
  writeFileSync(join(HERE, 'icon.icns'), icns(images));
}

if (require.main === module) void main();
