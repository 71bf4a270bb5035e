// Preview page: a JSON editor on the left, the article rendered by the WebAssembly core on the right.
// The article lives in a shadow root so the page's CSS and the article's CSS stay apart.

import { createRenderer, formatDiagnostic } from './broadsheet.js';

// `?example=NAME` opens examples/NAME.json instead of the seed article.
const exampleName = /^[a-z0-9-]+$/.exec(new URLSearchParams(location.search).get('example') ?? '')?.[0]
  ?? 'nbca-russian-arms-nato';
const EXAMPLE_URL = new URL(`../examples/${exampleName}.json`, import.meta.url);
const TIMING_SAMPLES = 31;

const editor = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor'));
const diagnosticsList = document.getElementById('diagnostics');
const status = document.getElementById('status');
const timing = document.getElementById('timing');
const themeSelect = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
const previewHost = document.getElementById('preview');

// The core's HTML is safe by construction (every string escaped, unsafe URLs dropped), so the policy
// only marks it as such; under `require-trusted-types-for 'script'` no other HTML can reach the DOM.
const htmlPolicy = globalThis.trustedTypes?.createPolicy('broadsheet', { createHTML: (html) => html })
  ?? { createHTML: (html) => html };

const shadow = previewHost.attachShadow({ mode: 'open' });
const articleRoot = document.createElement('div');

const renderTimes = [];
let renderer = null;
let renderCount = 0;
let frameRequested = false;

main().catch((error) => {
  document.body.dataset.state = 'error';
  showStatus(`Could not start: ${error.message}`, 'error');
  console.warn(error);
});

async function main() {
  const [loaded, example] = await Promise.all([createRenderer(), loadExample()]);
  renderer = loaded;
  installStylesheet(renderer.css);
  shadow.append(articleRoot);
  document.getElementById('version').textContent = `core ${renderer.version}`;

  editor.value = example;
  editor.disabled = false;
  editor.addEventListener('input', scheduleRender);
  themeSelect.addEventListener('change', scheduleRender);
  diagnosticsList.addEventListener('click', onDiagnosticClick);

  update();
  document.body.dataset.state = 'ready';
}

async function loadExample() {
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(`could not load ${EXAMPLE_URL.pathname} (HTTP ${response.status})`);
  return response.text();
}

/** The article stylesheet goes into the shadow root once, as a constructed sheet where possible. */
function installStylesheet(css) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/** Coalesces bursts of input into one render per frame. */
function scheduleRender() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    update();
  });
}

function update() {
  const started = performance.now();
  const result = renderer.render(editor.value, { theme: themeSelect.value });
  recordTime(performance.now() - started);

  if (result.html) {
    articleRoot.innerHTML = htmlPolicy.createHTML(result.html);
    previewHost.classList.toggle('pg-stale', !result.ok);
  } else {
    // Nothing renderable (e.g. a JSON syntax error mid-edit): keep the last article, dimmed.
    previewHost.classList.add('pg-stale');
  }
  showDiagnostics(result.diagnostics);
  renderCount += 1;
  document.body.dataset.renderCount = String(renderCount);
}

function recordTime(ms) {
  renderTimes.push(ms);
  if (renderTimes.length > TIMING_SAMPLES) renderTimes.shift();
  const sorted = [...renderTimes].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  timing.textContent = `render ${median.toFixed(2)} ms (median of ${sorted.length})`;
}

function showDiagnostics(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) showStatus('No problems', 'ok');
  else showStatus(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`, errors ? 'error' : 'warning');

  const items = diagnostics.map((d) => {
    const item = document.createElement('li');
    item.className = `pg-diagnostic pg-${d.severity}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = formatDiagnostic(d);
    button.disabled = !(d.line > 0);
    button.dataset.line = String(d.line);
    button.dataset.column = String(d.column);
    item.append(button);
    return item;
  });
  diagnosticsList.replaceChildren(...items);
}

function onDiagnosticClick(event) {
  const button = event.target.closest('button[data-line]');
  if (!button || button.disabled) return;
  selectPosition(Number(button.dataset.line), Number(button.dataset.column));
}

/** Selects the character at a 1-based line and column in the editor and scrolls it into view. */
function selectPosition(line, column) {
  const text = editor.value;
  const start = offsetOf(text, line, column);
  const lineEnd = text.indexOf('\n', start);
  const end = Math.min(start + 1, lineEnd === -1 ? text.length : lineEnd);
  editor.focus();
  editor.setSelectionRange(start, Math.max(start, end));
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
  editor.scrollTop = Math.max(0, (line - 1) * lineHeight - editor.clientHeight / 2);
}

/**
 * Offset in the editor's text of a 1-based line and column, where the column counts characters (code
 * points, as the core reports them), clamped to the line.
 */
function offsetOf(text, line, column) {
  let lineStart = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) break;
    lineStart = next + 1;
  }
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  let offset = lineStart;
  for (let characters = 1; characters < column && offset < lineEnd; characters++) {
    offset += text.codePointAt(offset) > 0xffff ? 2 : 1;
  }
  return offset;
}

function showStatus(text, kind) {
  status.textContent = text;
  status.dataset.kind = kind;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
