// What the CLI writes for a rendered article, and the writing: shared by the process's own renders and
// the --jobs workers (bin/cli/file-worker.js), which write their articles' HTML files themselves.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The HTML with the stylesheet as --css asks: `inline` puts a <style> before a fragment (a standalone
 * document has one already); a file is linked, href relative to the output's folder (to the current
 * folder for standard output), before a fragment or in place of a standalone document's <style>.
 */
export function withStylesheet(html, css, request, target) {
  if (request.css === undefined) return html;
  const inlined = `<style>\n${css}</style>`;
  const at = html.indexOf(inlined);
  const standalone = Boolean(request.renderOptions.standalone) && at >= 0;
  if (request.css === 'inline') return standalone ? html : `${inlined}\n${html}`;
  const from = target ? path.dirname(path.resolve(target)) : process.cwd();
  const href = path.relative(from, path.resolve(request.css)).split(path.sep).map(encodeURIComponent).join('/');
  const link = `<link rel="stylesheet" href="${href}">`;
  return standalone ? html.slice(0, at) + link + html.slice(at + inlined.length) : `${link}\n${html}`;
}

/**
 * Writes `text` to `file`, making the folder only when the file cannot be written without it (not
 * before every file). Synchronously: a whole file is one write, and the promise API's file handles and
 * thread-pool hops cost more CPU time than the write. Returns null, or why it failed (an error code).
 */
export function writeOutput(file, text) {
  try {
    try {
      writeFileSync(file, text);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      writeFileSync(file, text);
    }
    return null;
  } catch (error) {
    return error.code ?? error.message;
  }
}
