// The playground (`npm start`): a JSON editor (CodeMirror 6, bundled into web/playground/dist/ by
// scripts/build-playground.mjs) on the left, the article on the right in the same <broadsheet-article>
// element partners embed, re-rendered once per frame while typing. Diagnostics as lint marks and a list
// that jumps to their line and column; schema completion; the last valid render stays on screen, with a
// badge, while the text cannot be shown; the draft is autosaved in localStorage; samples per language;
// share links that carry the draft in the URL fragment; the embed snippet for the publisher's embed.js.
// docs/playground.md describes it for users.

import { createRenderer, formatDiagnostic, liteCoreOptions } from './broadsheet.js';
import { getSharedRenderer } from './element.js';
import { embedSnippet } from './embed-snippet.js';
import { decodeDraft, encodeDraft } from './playground/share.js';

/** A renderer on the lite core, made on the first "Copy embed snippet" (embedSnippet's liteRenderer). */
let liteRenderer = null;

/** The sample of each language the selector offers. */
const SAMPLES = {
  en: new URL('../examples/nbca-russian-arms-nato.json', import.meta.url),
  ru: new URL('./playground/samples/ru.json', import.meta.url),
  kk: new URL('./playground/samples/kk.json', import.meta.url),
  ar: new URL('../examples/arabic-brief.json', import.meta.url),
};
const STORAGE = {
  draft: 'broadsheet-playground:draft',
  sample: 'broadsheet-playground:sample',
  embedUrl: 'broadsheet-playground:embed-url',
};
const AUTOSAVE_DELAY_MS = 400;
/** Links longer than this are cut by some chat apps and mail clients: said, not refused. */
const LONG_LINK = 8000;
const TIMING_SAMPLES = 31;

const editorHost = document.getElementById('editor');
const diagnosticsList = document.getElementById('diagnostics');
const status = document.getElementById('status');
const staleBadge = document.getElementById('stale-badge');
const cursorText = document.getElementById('cursor');
const timing = document.getElementById('timing');
const widthSelect = /** @type {HTMLSelectElement} */ (document.getElementById('width'));
const themeSelect = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
const langSelect = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
const fileInput = /** @type {HTMLInputElement} */ (document.getElementById('file'));
const embedUrlInput = /** @type {HTMLInputElement} */ (document.getElementById('publisher-url'));
const sharePanel = document.getElementById('share-panel');
const shareLink = /** @type {HTMLInputElement} */ (document.getElementById('share-link'));
const snippetPanel = document.getElementById('snippet-panel');
const snippetText = /** @type {HTMLTextAreaElement} */ (document.getElementById('snippet'));
const stage = document.getElementById('stage');
const preview = /** @type {import('./element.d.ts').BroadsheetArticle} */ (document.getElementById('preview'));

const renderTimes = [];
let renderCount = 0;
let hasRendered = false;
let frameRequested = false;
let autosaveTimer = 0;
/** A message about the last action (a sample loaded, a link opened), shown instead of "No problems" until the next keystroke. */
let notice = null;
/** @type {ReturnType<typeof import('./playground/editor.js').createEditor>} */
let editor;

main().catch((error) => {
  document.body.dataset.state = 'error';
  showStatus(`Could not start: ${error.message}`, 'error');
  console.warn(error);
});

async function main() {
  const savedSample = storageGet(STORAGE.sample);
  if (savedSample && Object.hasOwn(SAMPLES, savedSample)) langSelect.value = savedSample;
  embedUrlInput.value = storageGet(STORAGE.embedUrl) ?? '';

  // The editor opens on the autosaved draft (or the sample); a share link or ?example= then replaces
  // it as one edit, so Ctrl+Z brings the draft back.
  const saved = storageGet(STORAGE.draft);
  const [{ createEditor }, renderer, initial, requested] = await Promise.all([
    loadEditor(),
    getSharedRenderer(),
    saved ?? fetchText(SAMPLES[langSelect.value]),
    requestedDraft(),
  ]);
  document.getElementById('version').textContent = `core ${renderer.version}`;

  // While editing, a document that cannot be shown (half-typed JSON, no headline) keeps the last
  // render on screen, with the badge, instead of the reader-facing fallback.
  preview.addEventListener('broadsheet:error', (event) => {
    if (hasRendered && event.detail.reason === 'document') event.preventDefault();
  });

  editor = createEditor(editorHost, {
    doc: initial,
    onChange: onEdit,
    onCursor: (line, column) => { cursorText.textContent = `Ln ${line}, Col ${column}`; },
  });
  cursorText.textContent = 'Ln 1, Col 1';
  exposeForTests();
  if (requested) {
    editor.replace(requested.text);
    showNotice(requested.message, 'ok');
  }

  themeSelect.addEventListener('change', scheduleRender);
  widthSelect.addEventListener('change', () => { stage.dataset.width = widthSelect.value; });
  langSelect.addEventListener('change', () => loadSample(langSelect.value));
  document.getElementById('reset').addEventListener('click', () => loadSample(langSelect.value));
  diagnosticsList.addEventListener('click', onDiagnosticClick);
  document.getElementById('load-file').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', loadFile);
  document.getElementById('copy-share').addEventListener('click', copyShareLink);
  document.getElementById('copy-snippet').addEventListener('click', copySnippet);
  embedUrlInput.addEventListener('change', () => storageSet(STORAGE.embedUrl, embedUrlInput.value.trim()));
  window.addEventListener('hashchange', openLinkedDraft);
  // An edit made just before the tab closes is saved without waiting for the debounce.
  window.addEventListener('pagehide', saveDraft);

  await render();
  document.body.dataset.state = 'ready';
}

/** The editor bundle, which `npm run build` makes (scripts/build-playground.mjs): say so when it is missing. */
async function loadEditor() {
  try {
    return await import('./playground/dist/editor.js');
  } catch (error) {
    throw new Error(`the editor bundle web/playground/dist/editor.js did not load; run npm run build (${error.message})`);
  }
}

/**
 * The draft the address asks for: a share link's (#draft=…), or ?example=NAME (examples/NAME.json).
 * Either is taken out of the address once read, so that a reload shows the autosaved draft with the
 * edits made since, not the link's draft again.
 * @returns {Promise<{text: string, message: string}|null>}
 */
async function requestedDraft() {
  const url = new URL(location.href);
  try {
    const shared = await decodeDraft(url.hash);
    if (shared !== null) {
      url.hash = '';
      history.replaceState(null, '', url);
      return { text: shared, message: 'Opened the shared draft (Ctrl+Z in the editor brings back yours)' };
    }
  } catch (error) {
    url.hash = '';
    history.replaceState(null, '', url);
    showNotice(`This share link's draft is damaged (${error.message}); was the link cut short?`, 'error');
    return null;
  }
  const example = /^[a-z0-9-]+$/.exec(url.searchParams.get('example') ?? '')?.[0];
  if (!example) return null;
  url.searchParams.delete('example');
  history.replaceState(null, '', url);
  const text = await fetchText(new URL(`../examples/${example}.json`, import.meta.url));
  return { text, message: `Opened examples/${example}.json` };
}

/** A share link pasted into the address bar of an open playground. */
async function openLinkedDraft() {
  const requested = await requestedDraft();
  if (!requested) return;
  editor.replace(requested.text);
  showNotice(requested.message, 'ok');
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.pathname} (HTTP ${response.status})`);
  return response.text();
}

async function loadSample(lang) {
  storageSet(STORAGE.sample, lang);
  try {
    editor.replace(await fetchText(SAMPLES[lang]));
  } catch (error) {
    showStatus(error.message, 'error');
    return;
  }
  showNotice(`Loaded the ${langSelect.selectedOptions[0]?.textContent ?? lang} sample (Ctrl+Z in the editor undoes it)`, 'ok');
}

// ── Editing, rendering ──────────────────────────────────────────────────────────────────────────────

function onEdit(_text, { replaced }) {
  if (!replaced) notice = null;
  scheduleRender();
  clearTimeout(autosaveTimer);
  autosaveTimer = setTimeout(saveDraft, AUTOSAVE_DELAY_MS);
}

/** Every edit re-renders, at most once per frame: keystrokes within one frame make one render. */
function scheduleRender() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    render();
  });
}

function saveDraft() {
  clearTimeout(autosaveTimer);
  if (editor) storageSet(STORAGE.draft, editor.text);
}

/** Re-renders the preview from the editor and the controls; times render + DOM update. */
async function render() {
  const started = performance.now();
  preview.theme = themeSelect.value;
  preview.article = editor.text;
  const shown = await preview.updateComplete;
  recordTime(performance.now() - started);

  hasRendered ||= shown;
  const stale = !shown && hasRendered;
  stage.classList.toggle('pg-stale', stale);
  staleBadge.textContent = stale ? 'Showing the last valid version: fix the errors listed to update the preview' : '';
  document.body.dataset.stale = String(stale);
  editor.showDiagnostics(preview.diagnostics);
  showDiagnostics(preview.diagnostics);
  if (shown && preview.meta && Object.hasOwn(SAMPLES, preview.meta.lang)) langSelect.value = preview.meta.lang;
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
  if (diagnostics.length > 0) showStatus(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`, errors ? 'error' : 'warning');
  else if (notice) showStatus(notice.text, notice.kind);
  else showStatus('No problems', 'ok');

  const items = diagnostics.map((d) => {
    const item = document.createElement('li');
    item.className = `pg-diagnostic pg-${d.severity}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = formatDiagnostic(d);
    button.disabled = !(d.line > 0);
    button.dataset.line = String(d.line);
    button.dataset.column = String(d.column);
    if (d.line > 0) button.title = `Go to line ${d.line}, column ${d.column}`;
    item.append(button);
    return item;
  });
  diagnosticsList.replaceChildren(...items);
}

function onDiagnosticClick(event) {
  const button = event.target.closest('button[data-line]');
  if (!button || button.disabled) return;
  editor.goTo(Number(button.dataset.line), Number(button.dataset.column));
}

async function loadFile() {
  const [file] = fileInput.files;
  if (!file) return;
  try {
    editor.replace(await file.text());
    showNotice(`Loaded ${file.name} (Ctrl+Z in the editor undoes it)`, 'ok');
  } catch (error) {
    showStatus(`Could not read ${file.name}: ${error.message}`, 'error');
  } finally {
    fileInput.value = ''; // choosing the same file again reloads it
  }
}

// ── Sharing ─────────────────────────────────────────────────────────────────────────────────────────

/** A link to this page with the draft compressed into the fragment; nothing is uploaded anywhere. */
async function copyShareLink() {
  const url = new URL(location.href);
  url.search = '';
  url.hash = await encodeDraft(editor.text);
  shareLink.value = url.href;
  sharePanel.hidden = false;
  const note = url.href.length > LONG_LINK
    ? ` (${url.href.length} characters: some chat apps and mail clients cut links this long)` : '';
  await copyText(url.href, shareLink, `Share link copied${note}`, note ? 'warning' : 'ok');
}

/**
 * The recommended partner snippet for the article in the editor (the same as `broadsheet embed`), with
 * the chosen theme, loading embed.js from where the publisher serves it (the URL field, kept in this
 * browser): the article rendered into it, its JSON inlined.
 */
async function copySnippet() {
  const script = publishedEmbedUrl();
  if (!script) {
    embedUrlInput.focus();
    showStatus('Give the https:// address where you publish embed.js first (the field beside the button)', 'error');
    return;
  }
  storageSet(STORAGE.embedUrl, script);
  // The lite core says which core the article needs, so the snippet's hints name that one.
  liteRenderer ??= createRenderer(liteCoreOptions());
  const { snippet, warnings } = embedSnippet(await getSharedRenderer(), editor.text, {
    script,
    theme: themeSelect.value === 'auto' ? undefined : themeSelect.value,
    liteRenderer: await liteRenderer,
  });
  snippetText.value = snippet;
  snippetPanel.hidden = false;
  const warning = warnings.length ? ` (${warnings.join(' ')})` : '';
  await copyText(snippet, snippetText, `Embed snippet copied${warning}`, warning ? 'warning' : 'ok');
}

/** The embed.js URL field's value when it is an absolute http(s) URL, else ''. */
function publishedEmbedUrl() {
  const value = embedUrlInput.value.trim();
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '';
  } catch {
    return '';
  }
}

async function copyText(text, field, message, kind) {
  try {
    await navigator.clipboard.writeText(text);
    showStatus(message, kind);
  } catch {
    field.focus();
    field.select();
    showStatus(`Copy the selected text (the clipboard is not available here)${kind === 'warning' ? `: ${message}` : ''}`, 'warning');
  }
}

// ── Small things ────────────────────────────────────────────────────────────────────────────────────

/** localStorage may be unavailable (private modes, storage disabled): the playground works without. */
function storageGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Full or unavailable: the draft still lives in the editor; nothing to tell the reader each keystroke.
  }
}

/** The editor's text and view on its host element, for tests and the console (like a textarea's value). */
function exposeForTests() {
  Object.defineProperty(editorHost, 'value', { get: () => editor.text, set: (text) => editor.replace(text) });
  Object.defineProperty(editorHost, 'editorView', { value: editor.view });
}

function showNotice(text, kind) {
  notice = { text, kind };
  showStatus(text, kind);
}

function showStatus(text, kind) {
  status.textContent = text;
  status.dataset.kind = kind;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
