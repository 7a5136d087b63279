// Where the wasm bytes go: reads `twiggy top --format csv` of a release wasm that kept
// its names (scripts/size-breakdown.sh makes one) and prints the largest contributors
// by crate, by module of this crate, and by item. Sizes are raw bytes after wasm-opt.
import fs from 'node:fs';

const [csvFile, topN = '25'] = process.argv.slice(2);
const lines = fs.readFileSync(csvFile, 'utf8').trim().split('\n').slice(1);

// twiggy quotes names that contain commas.
function parse(line) {
  const out = [];
  let cur = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

// The name section exists only because the script kept names: it is not in the bundle.
const items = lines.map(parse).map(([name, size]) => ({ name, size: Number(size) }))
  .filter((r) => Number.isFinite(r.size) && !/^"?(function names|local names|producers)/.test(r.name)
    && !/^\w+ subsection$/.test(r.name) && !/"(function|local|type|global|data|elem|table|memory|label) names" subsection/.test(r.name));
const total = items.reduce((s, r) => s + r.size, 0);

// The crate a symbol belongs to: the first path segment of the innermost `impl` target
// or function path. `<T as Trait>::f` counts for T's crate; generic instances count for
// the crate that defines the function.
function crateOf(name) {
  if (/^data\[/.test(name) || name.startsWith('data segment')) return '(data segments)';
  if (/^(type|import|export|elem|table|memory|global|custom section|"?name"?)/i.test(name)) return '(wasm sections)';
  if (name.startsWith('code[')) return '(unnamed code)';
  // Symbols may carry a crate hash: `core[c5930c85a12de822]::fmt::…`.
  let n = name.replace(/\[[0-9a-f]{8,}\]/g, '').replace(/^(<)+/, '').replace(/^(dyn |&mut |&|\*const |\*mut )/, '');
  if (/^(T|F|V|E|A|B|R|S) as /.test(n)) n = n.replace(/^\w+ as /, '');
  if (/^(f64|f32|u8|u16|u32|u64|usize|i32|i64|str|\[)/.test(n)) return 'core';
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  return '(other: ' + name.slice(0, 30) + ')';
}
function moduleOf(name) {
  const n = name.replace(/^(<)+/, '');
  const m = n.match(/^trailmap::((?:[a-z_0-9]+::){0,2})/);
  if (!m) return null;
  return 'trailmap::' + m[1].replace(/::$/, '').split('::').filter((s) => /^[a-z_0-9]+$/.test(s)).join('::');
}

function table(title, map) {
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(topN));
  console.log(`\n${title}`);
  for (const [k, v] of rows) {
    console.log(`  ${k.slice(0, 60).padEnd(60)} ${(v / 1024).toFixed(1).padStart(8)} KB ${(100 * v / total).toFixed(1).padStart(5)} %`);
  }
}
const byCrate = new Map(), byModule = new Map();
for (const r of items) {
  const c = crateOf(r.name);
  byCrate.set(c, (byCrate.get(c) || 0) + r.size);
  const m = moduleOf(r.name);
  if (m) byModule.set(m, (byModule.get(m) || 0) + r.size);
}
console.log(`wasm ${(total / 1024).toFixed(1)} KB raw in ${items.length} items`);
table('by crate', byCrate);
table('by module of trailmap', byModule);
table('largest items', new Map(items.map((r) => [r.name, r.size])));
