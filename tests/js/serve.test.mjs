// The preview server (scripts/serve.js): MIME types, redirects, and no way out of the repository.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/serve.js';
import { repoRoot } from '../helpers/paths.mjs';

/** A GET (or other method) with the path sent exactly as given, not normalised by a URL parser. */
function rawRequest(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({
        status: response.statusCode,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  let server;
  let port;
  before(async () => {
    server = startServer({ port: 0 });
    await once(server, 'listening');
    port = server.address().port;
    assert.equal(server.address().address, '127.0.0.1');
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test('/ redirects to the preview page, which is served as HTML', async () => {
    const root = await rawRequest(port, '/');
    assert.equal(root.status, 302);
    assert.equal(root.headers.location, '/web/');
    const page = await rawRequest(port, '/web/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(page.body, /<script type="module" src="\.\/playground\.js"><\/script>/);
    const noSlash = await rawRequest(port, '/web?x=1');
    assert.equal(noSlash.status, 302);
    assert.equal(noSlash.headers.location, '/web/?x=1');
  });

  test('MIME types', async () => {
    const expected = {
      '/web/broadsheet.js': 'text/javascript; charset=utf-8',
      '/web/playground.css': 'text/css; charset=utf-8',
      '/examples/nbca-russian-arms-nato.json': 'application/json; charset=utf-8',
      '/web/index.d.ts': 'text/plain; charset=utf-8',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await rawRequest(port, file);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers['content-type'], type, file);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
    }
    const wasm = await rawRequest(port, '/web/core/broadsheet-core.wasm', 'HEAD');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.ok(Number(wasm.headers['content-length']) > 0);
    assert.equal(wasm.body, '', 'HEAD has no body');
  });

  test('no path leads out of the repository or into dot folders', async () => {
    for (const attempt of ['/../package.json', '/web/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
      '/web/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/web/..%5c..%5cetc%5cpasswd', '/.git/config', '/.gitignore',
      '/web/%00index.html', '//etc/passwd']) {
      const response = await rawRequest(port, attempt);
      assert.equal(response.status, 404, attempt);
      assert.doesNotMatch(response.body, /root:|\[core\]/, attempt);
    }
    assert.equal((await rawRequest(port, '/%E0%A4%A')).status, 400);
    assert.equal((await rawRequest(port, '/web/', 'POST')).status, 405);
  });

  test('run directly, it prints the preview URL', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'serve.js'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [chunk] = await once(child.stdout, 'data');
      assert.match(String(chunk), /^Broadsheet preview: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    } finally {
      child.kill();
    }
  });
});
