// The last step of scripts/build.sh, after the Trunk runs, on the finished site folder:
//  0. The inline style sheet loses its comments (they document style/main.css and are
//     a sixth of its gzipped bytes: 2 KB on every page's first load). Quoted strings
//     are kept as they are, so a "/*" inside one is not taken for a comment.
//     (Release builds come here already minified by Trunk, Trunk.toml minify = "on_release";
//     this step is for the debug builds and costs nothing on the others.)
//  1. Scripts: every page's wasm-bindgen glue (<name>-<hash>.js) is minified by terser,
//     2.2 KB gzip off each page's first load (Trunk minifies the HTML and its inline
//     scripts but not this file). The page's <link rel="modulepreload"> to it carries
//     Trunk's subresource integrity hash, which is recomputed from the new bytes.
//  2. Content-Security-Policy: each page (index.html, edit/, view/) gets a <meta>
//     policy right after its charset, whose script-src allows the page's inline scripts
//     by the SHA-256 of their exact text (Trunk's loader of the wasm, the app's redirect
//     of old share links, the static frame's assets/boot.js), and whose style-src allows
//     its inline style sheet (style/main.css, inlined by Trunk so that the first paint
//     waits for no second request) the same way; computed here from the built HTML,
//     never typed by hand.
//  3. Service worker: assets/sw.template.js becomes sw.js at the site root, with the
//     list of every file of the build to precache and a version id (a hash of the file
//     names and contents), so any change to the build is a new version.
//   node scripts/post-build.mjs dist
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const dist = path.resolve(process.argv[2] || 'dist');
const fail = (msg) => {
  console.error(`post-build: ${msg}`);
  process.exit(1);
};
const pages = ['index.html', 'edit/index.html', 'view/index.html'];
for (const p of pages) if (!fs.existsSync(path.join(dist, p))) fail(`no ${p} in ${dist}: run every Trunk build first (scripts/build.sh)`);

// --- 1. Scripts ----------------------------------------------------------------------
for (const p of pages) {
  const file = path.join(dist, p);
  let html = fs.readFileSync(file, 'utf8');
  const links = [...html.matchAll(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/gi)];
  if (!links.length) fail(`${p} preloads no script: did Trunk change how it loads the wasm?`);
  for (const [link] of links) {
    const href = link.match(/\bhref="?\.\/([^"\s>]+\.js)"?/i);
    if (!href) fail(`${p}: cannot read the script of ${link}`);
    const js = path.join(path.dirname(file), href[1]);
    const before = fs.readFileSync(js, 'utf8');
    // --module: the glue is an ES module (top-level names are its own, so they mangle).
    const out = await minify(before, { module: true, compress: true, mangle: true });
    if (!out.code) fail(`terser returned nothing for ${href[1]}`);
    fs.writeFileSync(js, out.code);
    const sri = `sha384-${crypto.createHash('sha384').update(out.code, 'utf8').digest('base64')}`;
    const integrity = /\bintegrity="?[^"\s>]*"?/i;
    if (!integrity.test(link)) fail(`${p}: ${href[1]}'s preload has no integrity hash to update`);
    html = html.replace(link, link.replace(integrity, `integrity="${sri}"`));
    console.log(`post-build: ${path.dirname(p) === '.' ? '' : path.dirname(p) + '/'}${href[1]}: terser ${before.length} -> ${out.code.length} bytes`);
  }
  fs.writeFileSync(file, html);
}

// --- 2. Content-Security-Policy ------------------------------------------------------
function policy(scriptHashes, styleHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trimEnd(),
    // Leptos writes a few style attributes (a card's row span, a tooltip's position);
    // style sheets come only from this site, or inline with the hash of their text.
    `style-src 'self' ${styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trimEnd(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

for (const p of pages) {
  const file = path.join(dist, p);
  let html = fs.readFileSync(file, 'utf8');
  if (html.includes('http-equiv="Content-Security-Policy"')) fail(`${p} already has a policy (built twice?)`);
  html = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_, open, css, close) =>
    open + css.replace(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\/\*[\s\S]*?\*\/\n?/g, (m, quoted) => quoted ?? '') + close);
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push(crypto.createHash('sha256').update(m[2], 'utf8').digest('base64'));
  }
  if (!hashes.length) fail(`${p} has no inline script: did Trunk change how it loads the wasm?`);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)]
    .map((m) => crypto.createHash('sha256').update(m[1], 'utf8').digest('base64'));
  if (!styles.length) fail(`${p} has no inline style sheet: is style/main.css still inlined (rel="inline")?`);
  // <meta charset="utf-8" />, or <meta charset=utf-8> once minified.
  const charset = html.match(/<meta charset="?utf-8"?\s*\/?>/i);
  if (!charset) fail(`${p} has no <meta charset="utf-8"> to put the policy after`);
  const at = charset.index + charset[0].length;
  html = `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy(hashes, styles)}" />${html.slice(at)}`;
  if (html.indexOf('Content-Security-Policy') > html.search(/<script\b/i)) fail(`${p}: the policy must come before the first script`);
  fs.writeFileSync(file, html);
  console.log(`post-build: ${p}: Content-Security-Policy with ${hashes.length} inline script and ${styles.length} style sheet hash(es)`);
}

// --- 3. Service worker -----------------------------------------------------------------
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}
const files = walk(dist)
  .map((f) => path.relative(dist, f).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js' && !f.split('/').some((part) => part.startsWith('.')))
  .sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f + '\0').update(fs.readFileSync(path.join(dist, f))).update('\0');
const version = hash.digest('hex').slice(0, 16);
const template = fs.readFileSync(new URL('../assets/sw.template.js', import.meta.url), 'utf8');
if (!template.includes("'__VERSION__'") || !template.includes('__FILES__')) fail('assets/sw.template.js lost its placeholders');
// The template's comments explain it in the repository; the browser needs none of them.
const code = template
  .split('\n')
  .filter((line) => !/^\s*\/\//.test(line))
  .join('\n')
  .replace(/\n{3,}/g, '\n\n');
const sw = `// Trailmap service worker, version ${version} (source: assets/sw.template.js)\n${code
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(files))}`;
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
console.log(`post-build: sw.js, version ${version}, precaches ${files.length} files`);
