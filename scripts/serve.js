#!/usr/bin/env node
// Preview server: serves the repository's files on 127.0.0.1 (no dependencies, development only).
//   node scripts/serve.js [--port 8080]      (or PORT=8080)
// `/` redirects to the preview page, web/index.html.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy sent with the partner example pages (web/examples/*.html): the strict
 * policy of a partner site, sent as a header as such a site would send it. docs/embed.md documents it
 * as what the embed needs at least.
 */
export const PARTNER_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types broadsheet";

/**
 * Starts the server and returns it (already asked to listen; wait for its 'listening' event).
 * @param {{port?: number, host?: string, root?: string, quiet?: boolean}} [options]
 */
export function startServer({ port = 8080, host = '127.0.0.1', root = repoRoot, quiet = true } = {}) {
  const server = createServer((request, response) => {
    handle(root, request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, 'Internal server error\n');
      else response.destroy(error);
    });
  });
  if (!quiet) {
    server.on('listening', () => {
      const { port: actual } = server.address();
      console.log(`Broadsheet preview: http://${host}:${actual}/`);
    });
  }
  server.listen(port, host);
  return server;
}

async function handle(root, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'Method not allowed\n');
  }
  // The path as sent, not as a URL parser would normalise it: "/web/../x" is refused, not resolved.
  const [pathname, query = ''] = (request.url ?? '/').split(/\?(.*)/s);
  if (pathname === '/') return redirect(response, '/web/');

  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return send(response, 400, 'Bad request\n');
  }
  // No NUL bytes, backslashes or dot segments (which also keeps .git and dotfiles private).
  const segments = relative.split('/').filter(Boolean);
  if (relative.includes('\0') || relative.includes('\\') || segments.some((s) => s.startsWith('.'))) {
    return send(response, 404, 'Not found\n');
  }

  let file = path.join(root, ...segments);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return redirect(response, `${pathname}/${query ? `?${query}` : ''}`);
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(response, 404, 'Not found\n');

  // Symbolic links must not lead out of the served folder.
  const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
  if (path.relative(realRoot, realFile).startsWith('..')) return send(response, 404, 'Not found\n');

  response.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...pageHeaders(segments, file),
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(realFile).on('error', (error) => response.destroy(error)).pipe(response);
}

/** Headers of particular pages: the partner examples are served under the partner's CSP. */
function pageHeaders(segments, file) {
  const isExamplePage = segments[0] === 'web' && segments[1] === 'examples' && file.endsWith('.html');
  return isExamplePage ? { 'Content-Security-Policy': PARTNER_CSP } : {};
}

function send(response, status, text) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

function redirect(response, location) {
  response.writeHead(302, { Location: location, 'Content-Length': 0 });
  response.end();
}

function portFromCommandLine(argv, env) {
  let value = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') value = argv[++i];
    else if (argv[i].startsWith('--port=')) value = argv[i].slice('--port='.length);
    else throw new Error(`unknown argument '${argv[i]}' (usage: node scripts/serve.js [--port N])`);
  }
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port '${value}'`);
  return port;
}

async function isMainModule() {
  if (!process.argv[1]) return false;
  const [self, invoked] = await Promise.all([
    realpath(fileURLToPath(import.meta.url)),
    realpath(process.argv[1]).catch(() => null),
  ]);
  return self === invoked;
}

if (await isMainModule()) {
  let port;
  try {
    port = portFromCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  const server = startServer({ port, quiet: false });
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE'
      ? `serve: port ${port} is in use; choose another with --port N or PORT=N`
      : `serve: ${error.message}`);
    process.exit(1);
  });
}
