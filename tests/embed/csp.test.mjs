// What a strict CSP with Trusted Types needs from our JavaScript, checked in the files themselves: no
// string-to-code anywhere (ours or the Emscripten glue), HTML reaching the DOM only through the
// `broadsheet` policy, and the documented partner CSP being the one the tests run under.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUNDLE_ENTRY, minName, shippedFiles } from '../../scripts/build-min.mjs';
import { PARTNER_CSP } from '../../scripts/serve.js';
import { repoRoot } from '../helpers/paths.mjs';

const webDir = path.join(repoRoot, 'web');
// The sources; their minified copies (web/*.min.js, built) are checked on their own below.
const ourScripts = readdirSync(webDir).filter((name) => name.endsWith('.js') && !name.endsWith('.min.js'))
  .concat(readdirSync(path.join(webDir, 'examples')).filter((name) => name.endsWith('.js')).map((name) => `examples/${name}`));
const glue = 'core/broadsheet-core.js';

/** Code built from strings, which `script-src` without 'unsafe-eval' refuses. */
const DYNAMIC_CODE = [
  ['new Function', /\bnew\s+Function\b/],
  ['Function(…)', /(?<![\w$.])Function\s*\(/],
  ['eval(…)', /(?<![\w$.])eval\s*\(/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
];

/** HTML sinks that Trusted Types guard; ours may only be fed by the policy. */
const HTML_SINKS = /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|srcdoc/g;

function source(file) {
  return readFileSync(path.join(webDir, file), 'utf8');
}

test('neither our scripts nor the Emscripten glue build code from strings', () => {
  assert.ok(ourScripts.includes('element.js') && ourScripts.includes('broadsheet.js'), `found ${ourScripts}`);
  for (const file of [...ourScripts, glue]) {
    const text = source(file);
    for (const [what, pattern] of DYNAMIC_CODE) {
      assert.doesNotMatch(text, pattern, `${what} in web/${file}`);
    }
  }
});

test('the minified embed modules build no code from strings and feed HTML only through the policy', () => {
  const minified = shippedFiles();
  const bundle = minName(BUNDLE_ENTRY);
  assert.ok(minified.includes('embed.min.js') && minified.includes('embeds.min.js'), `found ${minified}`);
  for (const file of minified) {
    const text = source(file);
    for (const [what, pattern] of DYNAMIC_CODE) {
      assert.doesNotMatch(text, pattern, `${what} in web/${file}`);
    }
    // One line each: count the sinks, not the lines.
    const sinks = text.match(HTML_SINKS) ?? [];
    // The bundle holds the element's one sink.
    assert.deepEqual(sinks, file === bundle ? ['.innerHTML='] : [], `HTML sinks in web/${file}`);
    assert.match(text, new RegExp(`//# sourceMappingURL=${file.replace(/\./g, '\\.')}\\.map\n?$`), `web/${file} links its source map`);
  }
  const element = source(bundle);
  assert.equal(element.match(/createPolicy\(/g).length, 1, 'one policy');
  assert.match(element, /createPolicy\("broadsheet",\{createHTML:/);
});

test('the glue is built with -sDYNAMIC_EXECUTION=0 and the module loads no script by URL', () => {
  assert.match(readFileSync(path.join(repoRoot, 'cmake', 'wasm.cmake'), 'utf8'), /-sDYNAMIC_EXECUTION=0/);
  assert.doesNotMatch(source(glue), /importScripts|new\s+Worker|createElement\(\s*["']script/);
});

test('the only HTML sink in our scripts is fed by the broadsheet Trusted Types policy', () => {
  const sinks = [];
  for (const file of [...ourScripts, glue]) {
    for (const line of source(file).split('\n')) {
      if (line.match(HTML_SINKS)) sinks.push(`${file}: ${line.trim()}`);
    }
  }
  assert.deepEqual(sinks, ['element.js: template.innerHTML = trustedHTML(html);']);
  const element = source('element.js');
  assert.equal(element.match(/createPolicy\(/g).length, 1, 'one policy');
  assert.match(element, /createPolicy\('broadsheet', \{ createHTML: /);
});

test('docs/embed.md gives the partner CSP that the example pages are served and tested with', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'embed.md'), 'utf8');
  assert.ok(docs.includes(PARTNER_CSP), `docs/embed.md quotes: ${PARTNER_CSP}`);
});

test('the element\'s own styles are the same text in element-markup.js and the embed bundle', async () => {
  // Server-side rendering (ssr.js, in Node) inlines FRAME_CSS and the core's stylesheet in a <style>; the
  // element loaded from embed.min.js writes the same pair into a <style> where constructed stylesheets
  // are missing. One `style-src` hash of the server-rendered <style> covers both only if the two texts
  // are the same (docs/embed.md, server-side rendering).
  const { FRAME_CSS } = await import('../../web/element-markup.js');
  const bundle = readFileSync(path.join(repoRoot, 'web', 'embed.min.js'), 'utf8');
  assert.ok(bundle.includes(JSON.stringify(FRAME_CSS)), 'embed.min.js holds FRAME_CSS as one string, unchanged');
  assert.ok(!/\n|\/\*/.test(FRAME_CSS), 'FRAME_CSS is written minified');
});
