// Renders the PNG app icons (192 and 512 px) from the SVG brand mark in assets/icons/,
// in Debian's Chromium. Run once when the mark changes; the PNGs are committed.
//   node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const svg = fs.readFileSync('assets/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `assets/icons/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
