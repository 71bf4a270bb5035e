// The playground's code editor: CodeMirror 6 in JSON mode (line numbers, folding, bracket matching,
// history, search), the renderer's diagnostics as inline lint marks, and completion from the article's
// JSON Schema. scripts/build-playground.mjs bundles this file with CodeMirror into
// web/playground/dist/editor.js (git-ignored, minified), which web/playground.js imports.
//
// Why a shadow root: CodeMirror injects its styles with a <style> element into a document, which the
// page's CSP (style-src 'self', no 'unsafe-inline', no nonce) refuses; into a shadow root it adopts
// constructed stylesheets instead, which style-src does not govern. So the editor lives in an open
// shadow root of its host element, and the CSP stays as strict as the embed's.

import { autocompletion } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import schema from '../../schema/article.schema.json';
import { jsonContextAt, schemaCompletions } from './schema-completion.js';

/** Colours from the page's custom properties (web/playground.css), so both colour schemes follow it. */
const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--pg-code-key)' },
  { tag: tags.string, color: 'var(--pg-code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--pg-code-literal)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--pg-muted)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', background: 'var(--pg-panel)', color: 'var(--pg-ink)' },
  '&.cm-focused': { outline: '2px solid Highlight', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--pg-mono)', fontSize: '13px', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--pg-ink)' },
  '.cm-cursor': { borderLeftColor: 'var(--pg-ink)' },
  '.cm-gutters': { background: 'var(--pg-bg)', color: 'var(--pg-muted)', borderRight: '1px solid var(--pg-line)' },
  '.cm-activeLine, .cm-activeLineGutter': { background: 'var(--pg-active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { background: 'var(--pg-selection)' },
  '.cm-tooltip': { background: 'var(--pg-panel)', color: 'var(--pg-ink)', border: '1px solid var(--pg-line)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { background: 'var(--pg-selection)', color: 'var(--pg-ink)' },
  '.cm-completionInfo': { maxWidth: '24rem', whiteSpace: 'normal' },
});

/** Member names and enumerated values from the schema, at the cursor. */
function completeFromSchema(context) {
  const text = context.state.doc.toString();
  const at = jsonContextAt(text, context.pos);
  if (at.kind === 'between' && !context.explicit) return null;
  const options = schemaCompletions(schema, at);
  if (options.length === 0) return null;
  return {
    from: at.kind === 'string' ? at.from + 1 : at.from,
    validFor: /^[\w$@/-]*$/,
    options: options.map((option) => ({
      label: option.label,
      type: option.kind === 'member' ? 'property' : 'enum',
      detail: option.detail || undefined,
      info: option.info || undefined,
      apply: (view, _completion, _from, to) => insertCompletion(view, option, to),
    })),
  };
}

/**
 * Replaces the token being typed, found again at the cursor since more may have been typed after the
 * options were computed, whole (both quotes); a member name gets its colon when none follows.
 */
function insertCompletion(view, option, cursor) {
  const text = view.state.doc.toString();
  const at = jsonContextAt(text, cursor);
  const from = at.kind === 'between' ? cursor : at.from;
  const to = at.kind === 'between' ? cursor : at.to;
  const colonFollows = /^\s*:/.test(text.slice(to, to + 80));
  const insert = option.insert + (option.kind === 'member' && !colonFollows ? ': ' : '');
  view.dispatch({
    changes: { from, to, insert },
    selection: EditorSelection.cursor(from + insert.length),
    userEvent: 'input.complete',
  });
}

/**
 * UTF-16 offset of a 1-based line and column, where the column counts code points (as the core reports
 * them), clamped to the document and the line.
 */
export function offsetOf(doc, line, column) {
  const lineInfo = doc.line(Math.min(Math.max(1, line), doc.lines));
  let offset = lineInfo.from;
  for (let characters = 1; characters < column && offset < lineInfo.to; characters++) {
    offset += (doc.sliceString(offset, offset + 2).codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
  }
  return Math.min(offset, lineInfo.to);
}

/** The range a diagnostic marks: the token that starts at its position (just the bracket of a container). */
function markedRange(state, from) {
  const node = syntaxTree(state).resolveInner(from, 1);
  if (node.from === from && !['Object', 'Array', 'JsonText', 'Property', '⚠'].includes(node.name) && node.to > from) {
    return { from, to: node.to };
  }
  const line = state.doc.lineAt(from);
  const word = /^[^\s,:{}[\]]+/.exec(state.doc.sliceString(from, line.to))?.[0];
  return { from, to: from + (word ? word.length : Math.min(1, line.to - from)) };
}

/**
 * Makes the editor in a shadow root of `host`.
 * @param {HTMLElement} host
 * @param {{doc: string, onChange: (text: string, change: {replaced: boolean}) => void, onCursor?: (line: number, column: number) => void, label?: string}} options
 */
export function createEditor(host, { doc, onChange, onCursor, label = 'Article JSON' }) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: root,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        keymap.of([indentWithTab]),
        json(),
        jsonLanguage.data.of({ autocomplete: completeFromSchema }),
        autocompletion({ activateOnTyping: true, icons: false }),
        lintGutter(),
        syntaxHighlighting(highlightStyle),
        theme,
        EditorView.lineWrapping, // article text lives in long string values
        EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocapitalize: 'off' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            const replaced = update.transactions.every((tr) => !tr.docChanged || tr.isUserEvent('input.replace'));
            onChange(update.state.doc.toString(), { replaced });
          }
          if (onCursor && (update.selectionSet || update.docChanged)) {
            const head = update.state.selection.main.head;
            const line = update.state.doc.lineAt(head);
            onCursor(line.number, [...line.text.slice(0, head - line.from)].length + 1);
          }
        }),
      ],
    }),
  });

  return {
    view,
    get text() { return view.state.doc.toString(); },

    /** Replaces the whole text as one undoable edit (Ctrl+Z brings the previous text back). */
    replace(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: EditorSelection.cursor(0),
        scrollIntoView: true,
        userEvent: 'input.replace',
      });
    },

    /**
     * Shows the renderer's diagnostics as lint marks: each at its line:column, over the token there.
     * @param {import('../index.d.ts').Diagnostic[]} diagnostics
     */
    showDiagnostics(diagnostics) {
      const { state } = view;
      const marks = diagnostics.filter((d) => d.line > 0).map((d) => {
        const range = markedRange(state, offsetOf(state.doc, d.line, d.column));
        return {
          ...range,
          severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
          source: d.code,
          message: d.message,
        };
      });
      view.dispatch(setDiagnostics(state, marks));
    },

    /** Puts the cursor at a 1-based line and column (code points), scrolls it into view and focuses. */
    goTo(line, column) {
      const offset = offsetOf(view.state.doc, line, column);
      view.dispatch({
        selection: EditorSelection.cursor(offset),
        effects: EditorView.scrollIntoView(offset, { y: 'center' }),
      });
      view.focus();
    },

    focus() { view.focus(); },
  };
}
