// Static file server for the end-to-end tests and benchmarks: serves the release `dist/`
// under a sub-path (default /trailmap/), the way GitHub Pages serves a project site, and
// nothing at the root, so any absolute asset URL fails loudly. Like Pages, it sends
// gzip to clients that accept it. When DIST_SELFTEST_DIR is set, that build (the one
// with the `selftest` feature: self-test pages) is served under /trailmap-selftest/.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const base = process.env.BASE_PATH || '/trailmap/';
const port = Number(process.env.PORT || 4173);
const mounts = [[base, path.resolve(process.env.DIST_DIR || 'dist')]];
if (process.env.DIST_SELFTEST_DIR) {
  mounts.push([base.replace(/\/$/, '-selftest/'), path.resolve(process.env.DIST_SELFTEST_DIR)]);
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const mount = mounts.find(([prefix]) => url.pathname === prefix.slice(0, -1) || url.pathname.startsWith(prefix));
  if (!mount) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not under ' + base);
  }
  const [prefix, root] = mount;
  if (url.pathname === prefix.slice(0, -1)) {
    res.writeHead(301, { Location: prefix });
    return res.end();
  }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length));
  // A folder is its index.html, and a folder named without its slash is redirected to
  // it (as GitHub Pages does: /trailmap/view -> /trailmap/view/).
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, rel);
  if (file.startsWith(root) && !path.extname(rel) && fs.existsSync(path.join(file, 'index.html'))) {
    res.writeHead(301, { Location: url.pathname + '/' + url.search });
    return res.end();
  }
  if (!file.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    const ext = path.extname(file);
    const headers = {
      'Content-Type': types[ext] || 'application/octet-stream',
      'Cache-Control': 'no-store',
    };
    if (compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
      data = zlib.gzipSync(data, { level: 6 });
    }
    res.writeHead(200, headers);
    res.end(data);
  });
});

// PORT=0 picks a free port; the line printed names the one in use.
server.listen(port, '127.0.0.1', () => {
  const at = server.address().port;
  console.log(`serving ${mounts.map(([p, r]) => `${r} at http://127.0.0.1:${at}${p}`).join(', ')}`);
});
