// Trailmap's service worker (template: scripts/post-build.mjs writes dist/sw.js from it,
// filling in the version and the file list of the build). It sits at the site root, so
// its scope is the whole site: the map list (./), the editor (edit/) and the share-link
// viewer (view/).
//
// - install: every file of the build goes into a cache named after this version. A
//   new version waits (no skipWaiting) until the page's "Reload" button asks for it.
// - activate: caches of other versions are deleted; the first version takes control of
//   open pages at once, so they work offline from the first visit on.
// - fetch: files of the build come from this version's cache (their names carry a
//   hash, and the pages are served from the same cache so that a page and its bundle
//   always match); a page that is not cached falls back to the network. A deploy is
//   noticed because the browser fetches sw.js anew on every navigation (the page
//   registers it with updateViaCache 'none') and compares its bytes with this one.
'use strict';

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'trailmap-' + VERSION;
const PREFIX = 'trailmap-';
// Trunk names every built file after a hash of its content (main-17754c9c4159723f.css).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        FILES.map(
          (f) =>
            // A name with a content hash is the same file wherever it comes from: the
            // browser's HTTP cache may give it (the page just downloaded the wasm; no
            // need to fetch it twice). Any other file (the pages, the manifest) skips
            // that cache, so the copy stored is this version's.
            new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // A page's address is its folder (./, edit/, view/); the cache holds its index.html. The
  // query does not pick a different file; the fragment never reaches here.
  const path = url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname;
  const key = new URL(path, url.origin).href;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
