// Doorstart's service worker. It keeps the app shell, the offline page with the crisis numbers
// and every public page the parent opened (the guides above all), so they can be read without a
// connection. It never keeps a private page (join status, RSVP, help conversation, anything
// under /admin) nor any answer marked no-store or private. Every page works without it.
'use strict';

const VERSION = 'v2';
const SHELL = `doorstart-shell-${VERSION}`;
const PAGES = `doorstart-pages-${VERSION}`;

// Fetched at install; a file that is missing is skipped rather than failing the install. The
// style sheet and scripts go by addresses with their content's hash (/v/<hash>/…): the ones the
// offline page links to are read from it and kept too.
const SHELL_FILES = ['/offline', '/favicon.svg', '/icon.svg', '/icon-192.png'];

function linkedFiles(html) {
  const found = html.match(/\/v\/[0-9a-f]+\/[\w./-]+\.(css|js|wasm)/g) || [];
  return Array.from(new Set(found));
}

// Public pages that may be kept: the start page, the guides and the statements.
function keepable(url) {
  const p = url.pathname;
  return (
    p === '/' ||
    p === '/offline' ||
    p === '/guides' ||
    (p.startsWith('/guides/') && !p.endsWith('/feedback')) ||
    p === '/privacy' ||
    p === '/what-happens' ||
    p === '/toegankelijkheid' ||
    p.startsWith('/pkg/') ||
    p.startsWith('/v/') ||
    /^\/(favicon|icon)[\w-]*\.(svg|png)$/.test(p)
  );
}

function markedNoStore(res) {
  const cc = (res.headers.get('Cache-Control') || '').toLowerCase();
  return cc.includes('no-store') || cc.includes('private');
}

async function keep(cacheName, request, res) {
  if (!res.ok || res.type !== 'basic' || markedNoStore(res)) return;
  const cache = await caches.open(cacheName);
  await cache.put(request, res);
}

function fetchAndKeep(path) {
  return fetch(path, { cache: 'no-cache', credentials: 'same-origin' })
    .then((res) => keep(SHELL, path, res.clone()).then(() => res))
    .catch(() => undefined);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all(
      SHELL_FILES.map((path) =>
        fetchAndKeep(path).then((res) =>
          path === '/offline' && res && res.ok
            ? res.text().then((html) => Promise.all(linkedFiles(html).map(fetchAndKeep)))
            : undefined,
        ),
      ),
    ).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== PAGES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function offlinePage() {
  const page = await caches.match('/offline');
  return page || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function fromCache(request) {
  return (await caches.match(request)) || (await caches.match(request, { ignoreSearch: true }));
}

// Network first, so a parent always sees the newest words when there is a connection; the
// copy is for when there is none.
async function networkFirst(request) {
  try {
    const res = await fetch(request);
    const p = new URL(request.url).pathname;
    const shell = p.startsWith('/pkg/') || p.startsWith('/v/');
    await keep(shell ? SHELL : PAGES, request, res.clone()).catch(() => undefined);
    return res;
  } catch (err) {
    const hit = await fromCache(request);
    if (hit) return hit;
    if (request.mode === 'navigate') return offlinePage();
    return Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (keepable(url)) {
    event.respondWith(networkFirst(request));
  } else if (request.mode === 'navigate') {
    // Private or not kept: straight to the network, never into a cache; offline, the plain page.
    event.respondWith(fetch(request).catch(() => offlinePage()));
  }
});

// The page asks to forget everything (quick exit, "clear my traces").
self.addEventListener('message', (event) => {
  if (event.data === 'clear') {
    event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))));
  }
});
