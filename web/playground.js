// The playground (`npm start`): a JSON editor on the left, the article on the right in the same
// <broadsheet-article> element partners embed, re-rendered on every edit. Width, theme and language
// controls; diagnostics that jump to their line and column; load a file; copy the embed snippet.

import { formatDiagnostic } from './broadsheet.js';
import { getSharedRenderer } from './element.js';
import { embedSnippet } from './embed-snippet.js';

// `?example=NAME` opens examples/NAME.json instead of the seed article.
const exampleName = /^[a-z0-9-]+$/.exec(new URLSearchParams(location.search).get('example') ?? '')?.[0]
  ?? 'nbca-russian-arms-nato';
const EXAMPLE_URL = new URL(`../examples/${exampleName}.json`, import.meta.url);
const EMBED_URL = new URL('./embed.js', import.meta.url);
const TIMING_SAMPLES = 31;

const editor = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor'));
const diagnosticsList = document.getElementById('diagnostics');
const status = document.getElementById('status');
const timing = document.getElementById('timing');
const widthSelect = /** @type {HTMLSelectElement} */ (document.getElementById('width'));
const themeSelect = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
const langSelect = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
const fileInput = /** @type {HTMLInputElement} */ (document.getElementById('file'));
const snippetPanel = document.getElementById('snippet-panel');
const snippetText = /** @type {HTMLTextAreaElement} */ (document.getElementById('snippet'));
const stage = document.getElementById('stage');
const preview = /** @type {import('./element.d.ts').BroadsheetArticle} */ (document.getElementById('preview'));

const renderTimes = [];
let renderCount = 0;
let hasRendered = false;

main().catch((error) => {
  document.body.dataset.state = 'error';
  showStatus(`Could not start: ${error.message}`, 'error');
  console.warn(error);
});

async function main() {
  const [renderer, example] = await Promise.all([getSharedRenderer(), loadExample()]);
  document.getElementById('version').textContent = `core ${renderer.version}`;

  // While editing, a document that cannot be shown (half-typed JSON, no headline) keeps the last
  // render on screen (dimmed) instead of the reader-facing fallback.
  preview.addEventListener('broadsheet:error', (event) => {
    if (hasRendered && event.detail.reason === 'document') event.preventDefault();
  });

  editor.value = example;
  editor.disabled = false;
  editor.addEventListener('input', update);
  themeSelect.addEventListener('change', update);
  langSelect.addEventListener('change', update);
  widthSelect.addEventListener('change', () => { stage.dataset.width = widthSelect.value; });
  diagnosticsList.addEventListener('click', onDiagnosticClick);
  document.getElementById('load-file').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', loadFile);
  document.getElementById('copy-snippet').addEventListener('click', copySnippet);

  await update();
  document.body.dataset.state = 'ready';
}

async function loadExample() {
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(`could not load ${EXAMPLE_URL.pathname} (HTTP ${response.status})`);
  return response.text();
}

/** Re-renders the preview from the editor and the controls; times render + DOM update. */
async function update() {
  const started = performance.now();
  preview.theme = themeSelect.value;
  if (langSelect.value) preview.lang = langSelect.value;
  else preview.removeAttribute('lang');
  preview.article = editor.value;
  const shown = await preview.updateComplete;
  recordTime(performance.now() - started);

  hasRendered ||= shown;
  stage.classList.toggle('pg-stale', !shown);
  showDiagnostics(preview.diagnostics);
  if (!shown && preview.diagnostics.length === 0) showStatus('The article could not be rendered', 'error');
  renderCount += 1;
  document.body.dataset.renderCount = String(renderCount);
}

function recordTime(ms) {
  renderTimes.push(ms);
  if (renderTimes.length > TIMING_SAMPLES) renderTimes.shift();
  const sorted = [...renderTimes].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  timing.textContent = `re-render ${median.toFixed(2)} ms (median of ${sorted.length})`;
  timing.dataset.medianMs = String(median);
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

async function loadFile() {
  const [file] = fileInput.files;
  if (!file) return;
  try {
    editor.value = await file.text();
  } catch (error) {
    showStatus(`Could not read ${file.name}: ${error.message}`, 'error');
    return;
  } finally {
    fileInput.value = ''; // choosing the same file again reloads it
  }
  await update();
}

/**
 * The recommended partner snippet for the article in the editor (the same as `broadsheet embed`), with
 * the chosen theme and language: the article rendered into it, its JSON inlined.
 */
async function copySnippet() {
  const { snippet, warnings } = embedSnippet(await getSharedRenderer(), editor.value, {
    script: EMBED_URL.href,
    theme: themeSelect.value === 'auto' ? undefined : themeSelect.value,
    lang: langSelect.value || undefined,
  });
  snippetText.value = snippet;
  snippetPanel.hidden = false;
  const warning = warnings.length ? ` (${warnings.join(' ')})` : '';
  try {
    await navigator.clipboard.writeText(snippet);
    showStatus(`Embed snippet copied${warning}`, warning ? 'warning' : 'ok');
  } catch {
    snippetText.focus();
    snippetText.select();
    showStatus(`Copy the selected snippet (the clipboard is not available here)${warning}`, 'warning');
  }
}

function showStatus(text, kind) {
  status.textContent = text;
  status.dataset.kind = kind;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
