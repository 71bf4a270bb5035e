// Valid HTML, judged by an outside checker: the Nu Html Checker (vnu, npm `vnu-jar`, run with the
// machine's Java) checks every standalone document and every fragment (wrapped in a minimal document)
// of the examples, of every format fixture that renders (tests/format/valid and tests/format/invalid:
// documents with errors still render what is valid) and of the generated stress articles, and the
// examples server-rendered as <broadsheet-article> elements (web/ssr.js). Zero errors.
//
// All documents go to ONE java run (the JVM starts slowly); they are written to
// test-output/quality/vnu/, so a failure can be re-checked by hand:
//   java -jar node_modules/vnu-jar/build/dist/vnu.jar test-output/quality/vnu/NAME.html
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { createRenderer } from '../../web/broadsheet.js';
import { renderElementHTML } from '../../web/ssr.js';
import { repoRoot, testOutputDir } from '../helpers/paths.mjs';
import { ALL_BLOCKS_EXAMPLE, EMBED_EXAMPLE, EXAMPLES, exampleText, IMAGES_EXAMPLE, NOTES_EXAMPLE, TABLES_EXAMPLE, VERSIONS_EXAMPLE } from './support.mjs';
import { stressArticles } from './stress-articles.mjs';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const javaCommand = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

// vnu's CSS checker predates CSS Containment Level 3 (container queries, in every current browser),
// which the stylesheet needs to lay the article out by its own width (docs/theming.md). These are its
// only messages about our CSS that we set aside, and each one is checked against the line it points
// at (the CSS statement at its column), so nothing else can hide behind them.
const CONTAINER_QUERY_CSS = [
  { message: /^CSS: “container-(type|name)”: Property “container-(type|name)” doesn't exist\.$/, line: /\bcontainer-(type|name)\s*:/ },
  { message: /^CSS: Unrecognized at-rule “@container”$/, line: /^@container\b/ },
  // A declaration using container query units (cqi, cqw, …) is a "Parse Error" to vnu.
  { message: /^CSS: “[a-z-]+”: Parse Error\.$/, line: /\d(\.\d+)?cq(i|w|h|b|min|max)\b/ },
];

/** Wraps a fragment in the smallest valid document, with a host-page heading above it when the
 * article's headline is not an h1 (the page it is embedded in has the levels above it). */
function wrapFragment(fragment, { title, headingLevel = 1 }) {
  const hostHeadings = Array.from({ length: headingLevel - 1 }, (_, i) => `<h${i + 1}>Host page heading ${i + 1}</h${i + 1}>`).join('');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<main>${hostHeadings}\n${fragment}</main>\n</body>\n</html>\n`;
}

/** The documents to check: name -> {html, source}. */
function collectDocuments(renderer) {
  const sources = [];
  for (const example of [...EXAMPLES, VERSIONS_EXAMPLE, IMAGES_EXAMPLE, NOTES_EXAMPLE, EMBED_EXAMPLE, TABLES_EXAMPLE, ALL_BLOCKS_EXAMPLE]) {
    sources.push({ name: `example-${example.name}`, input: exampleText(example), options: {} });
    sources.push({ name: `example-${example.name}-dark-h2`, input: exampleText(example), options: { theme: 'dark', headingLevel: 2 } });
    // The attributes options add: rel on links to other sites, referrerpolicy on images. (Not `parts`:
    // part names are for a shadow root, the element's below, and vnu flags them in a page's own DOM.)
    const embedded = { baseUrl: 'https://publisher.example/news/story.json', linkRel: 'nofollow ugc', imageReferrerPolicy: 'no-referrer' };
    sources.push({ name: `example-${example.name}-embedded`, input: exampleText(example), options: embedded });
  }
  sources.push({ name: 'example-rich-embed-load', input: exampleText(EMBED_EXAMPLE), options: { embeds: 'load', embedOrigins: 'https://data.example.org' } });
  sources.push({ name: 'example-rich-embed-link', input: exampleText(EMBED_EXAMPLE), options: { embeds: 'link' } });
  sources.push({ name: 'example-rich-all-blocks-load', input: exampleText(ALL_BLOCKS_EXAMPLE), options: { ...ALL_BLOCKS_EXAMPLE.options, embeds: 'load', embedOrigins: 'https://data.example.org' } });
  for (const folder of ['valid', 'invalid']) {
    const dir = path.join(repoRoot, 'tests', 'format', folder);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && !name.endsWith('.expect.json')).sort()) {
      const sidecar = path.join(dir, file.replace(/\.json$/, '.expect.json'));
      const expectation = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : {};
      if (expectation.renders === false) continue;
      sources.push({ name: `format-${folder}-${file.replace(/\.json$/, '')}`, input: readFileSync(path.join(dir, file)), options: expectation.options ?? {} });
    }
  }
  for (const stress of stressArticles()) sources.push({ name: stress.name, input: JSON.stringify(stress.input), options: stress.options });

  const documents = new Map();
  for (const { name, input, options } of sources) {
    const fragment = renderer.render(input, options);
    if (!fragment.html) continue; // nothing renders (a fixture of which nothing can be shown)
    const standalone = renderer.render(input, { ...options, standalone: true });
    documents.set(`${name}.standalone`, standalone.html);
    documents.set(`${name}.fragment`, wrapFragment(fragment.html, { title: name, headingLevel: options.headingLevel ?? 1 }));
  }
  for (const example of EXAMPLES) {
    const element = renderElementHTML(renderer, exampleText(example), { theme: 'dark' });
    documents.set(`example-${example.name}.element`, wrapFragment(element.html, { title: `example-${example.name} element` }));
  }
  return documents;
}

function runVnu(files) {
  return new Promise((resolve, reject) => {
    execFile(javaCommand, ['-Xss8m', '-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', '--no-langdetect', ...files],
      { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) {
          const hint = error.code === 'ENOENT' ? ' (no Java: scripts/setup.sh installs default-jre-headless)' : '';
          reject(new Error(`vnu did not run${hint}: ${error.message}\n${stderr}`));
        } else {
          resolve(JSON.parse(stdout));
        }
      });
  });
}

describe('valid HTML (Nu Html Checker)', () => {
  const outDir = testOutputDir('quality', 'vnu');
  let documents;
  const messagesByName = new Map();
  const setAside = [];

  before(async () => {
    const renderer = await createRenderer();
    documents = collectDocuments(renderer);
    for (const stale of readdirSync(outDir).filter((name) => name.endsWith('.html'))) rmSync(path.join(outDir, stale));
    const fileOf = (name) => path.join(outDir, `${name}.html`);
    for (const [name, html] of documents) {
      writeFileSync(fileOf(name), html);
      messagesByName.set(name, []);
    }
    const report = await runVnu([...documents.keys()].map(fileOf));
    for (const message of report.messages) {
      const name = decodeURIComponent(new URL(message.url ?? 'file:///unknown').pathname).split('/').pop().replace(/\.html$/, '');
      assert.ok(messagesByName.has(name), `vnu reported on something we did not ask about: ${JSON.stringify(message)}`);
      if (message.type === 'error' && isContainerQueryCss(documents.get(name), message)) {
        setAside.push(message);
        continue;
      }
      messagesByName.get(name).push(message);
    }
  });

  test('every example, fixture and stress article gave both a standalone document and a fragment', () => {
    const names = [...documents.keys()];
    assert.ok(names.length >= 100, `only ${names.length} documents`);
    for (const example of EXAMPLES) assert.ok(documents.has(`example-${example.name}.standalone`));
    assert.equal(names.filter((n) => n.endsWith('.standalone')).length, names.filter((n) => n.endsWith('.fragment')).length);
    assert.equal(names.filter((n) => n.endsWith('.element')).length, EXAMPLES.length);
  });

  test('the only CSS messages set aside are about container queries, in the standalone documents', () => {
    for (const message of setAside) assert.match(message.url, /\.standalone\.html$/);
    // One stylesheet, so every standalone document gets the same set: 9 each today.
    const standalones = [...documents.keys()].filter((n) => n.endsWith('.standalone')).length;
    assert.equal(setAside.length % standalones, 0, 'each standalone document has the same stylesheet messages');
  });

  test('vnu checked every document and found no errors', (t) => {
    const problems = [];
    for (const [name, messages] of messagesByName) {
      for (const message of messages) {
        if (message.type === 'info') continue; // warnings and notes
        problems.push(`${name}.html:${message.lastLine ?? '?'}:${message.firstColumn ?? message.lastColumn ?? '?'}: ` +
          `${message.type}: ${message.message}${message.extract ? `\n    ${JSON.stringify(message.extract)}` : ''}`);
      }
    }
    assert.deepEqual(problems, [], `vnu errors (documents in ${path.relative(repoRoot, outDir)}/):\n${problems.join('\n')}`);
    const standalones = [...documents.keys()].filter((n) => n.endsWith('.standalone')).length;
    const elements = [...documents.keys()].filter((n) => n.endsWith('.element')).length;
    t.diagnostic(`vnu: ${documents.size} documents (${standalones} standalone, ${documents.size - standalones - elements} fragments, ` +
      `${elements} custom elements), 0 errors`);
  });
});

function isContainerQueryCss(html, message) {
  const line = html.split('\n')[(message.lastLine ?? 0) - 1] ?? '';
  const statement = statementAt(line, message.firstColumn ?? message.lastColumn ?? 1);
  return CONTAINER_QUERY_CSS.some((rule) => rule.message.test(message.message) && rule.line.test(statement));
}

/** The CSS statement (a declaration, or an at-rule's prelude) around a column of a line: the stylesheet
 * ships minified, all on one line, so the line alone would say nothing about what vnu points at. */
function statementAt(line, column) {
  const at = Math.min(Math.max(column - 1, 0), line.length);
  let start = at;
  while (start > 0 && !'{};'.includes(line[start - 1])) start -= 1;
  let end = at;
  while (end < line.length && !'{};'.includes(line[end])) end += 1;
  return line.slice(start, end).trim();
}
