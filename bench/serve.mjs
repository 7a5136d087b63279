// Starts tests/e2e/server.mjs (the release bundle under /trailmap/, gzipped like GitHub
// Pages) on a free-ish local port for a benchmark or a screenshot; `env` adds to or
// overrides the server's environment (DIST_DIR, BASE_PATH). Resolves once it listens.
import { spawn } from 'node:child_process';

export async function startServer(env = {}) {
  const port = 4300 + Math.floor(Math.random() * 1000);
  const base = env.BASE_PATH || '/trailmap/';
  const server = spawn(process.execPath, ['tests/e2e/server.mjs'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start in 10 s')), 10_000);
    server.stdout.once('data', () => { clearTimeout(t); resolve(); });
    server.once('exit', (code) => { clearTimeout(t); reject(new Error(`server exited (${code})`)); });
  });
  const close = () => { if (server.exitCode === null) server.kill(); };
  return { base: `http://127.0.0.1:${port}${base}`, close };
}
