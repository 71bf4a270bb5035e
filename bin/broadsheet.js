#!/usr/bin/env node
// The `broadsheet` command: render or validate an article file with the WebAssembly core, or print the
// partner snippet for it.
// Exit status: 0 no errors, 1 the document has errors, 2 usage errors or the command could not run.

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRenderer, formatDiagnostic } from '../web/broadsheet.js';
import { embedSnippet } from '../web/embed-snippet.js';

const USAGE = `Usage:
  broadsheet render <file|-> [--format html|json] [--standalone] [--strict] [-o <out>]
  broadsheet validate <file|-> [--format text|json]
  broadsheet embed <file|-> --src <url> --script <url> [--theme auto|light|dark] [--lang <tag>] [-o <out>]
  broadsheet --help | --version

Commands:
  render      Render an article (JSON, format broadsheet/article@1) to HTML.
  validate    Check an article and report its diagnostics, without rendering.
  embed       Print the snippet a partner pastes for this article: the module script, then the element
              with the article already rendered and its JSON inlined, so that it takes its room
              before the script arrives and nothing moves when it does.

Options:
  --format <f>       render: html (default), or json for the whole result (ok, html, css,
                     diagnostics, meta); validate: text (default), or json for {ok, diagnostics}.
  --standalone       Write a whole HTML document with the stylesheet inlined.
  --strict           render: write nothing when the document has errors (by default what could
                     be rendered is written, as the element shows it, and the status is still 1).
  --src <url>        embed: where the article's JSON is published (the element's src).
  --script <url>     embed: where embed.js is published.
  --theme <t>, --lang <tag>
                     embed: the element's theme and language (default: auto, the article's).
  -o, --output <out> Write to this file instead of standard output.
  -h, --help         Show this help.
  --version          Show the package and core versions.

"-" reads the article from standard input. Diagnostics go to standard error, one per line, as
"path line:column code message"; embed also warns there about what can still move the page.

Exit status: 0 no errors, 1 the document has errors, 2 usage error or the command could not run.
`;

class UsageError extends Error {}

const COMMANDS = {
  render: { formats: ['html', 'json'], flags: ['format', 'standalone', 'strict', 'output'] },
  validate: { formats: ['text', 'json'], flags: ['format'] },
  embed: { formats: ['html'], flags: ['src', 'script', 'theme', 'lang', 'output'], required: ['src', 'script'] },
};
const THEMES = ['auto', 'light', 'dark'];

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        standalone: { type: 'boolean' },
        strict: { type: 'boolean' },
        src: { type: 'string' },
        script: { type: 'string' },
        theme: { type: 'string' },
        lang: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help || values.version) return { help: values.help, version: values.version };

  const [command, file, ...extra] = positionals;
  if (!command) throw new UsageError('missing command (render, validate or embed)');
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : null;
  if (!spec) throw new UsageError(`unknown command '${command}'`);
  if (file === undefined) throw new UsageError(`${command}: missing the article file (or - for standard input)`);
  if (extra.length) throw new UsageError(`${command}: unexpected argument '${extra[0]}'`);
  for (const name of Object.keys(values)) {
    if (!spec.flags.includes(name)) throw new UsageError(`${command}: --${name} is not an option of this command`);
  }
  for (const name of spec.required ?? []) {
    if (values[name] === undefined) throw new UsageError(`${command}: --${name} <url> is required`);
  }
  for (const name of ['src', 'script']) {
    if (values[name] !== undefined && !isWebUrl(values[name])) {
      throw new UsageError(`${command}: --${name} must be an http(s) URL, not '${values[name]}'`);
    }
  }
  if (values.theme !== undefined && !THEMES.includes(values.theme)) {
    throw new UsageError(`${command}: --theme must be ${THEMES.join(', ')}, not '${values.theme}'`);
  }
  const format = values.format ?? spec.formats[0];
  if (!spec.formats.includes(format)) {
    throw new UsageError(`${command}: --format must be ${spec.formats.join(' or ')}, not '${format}'`);
  }
  return { ...values, command, file, format, standalone: Boolean(values.standalone), strict: Boolean(values.strict) };
}

/** An absolute http(s) URL, or a relative one (which the partner's page resolves to http(s)). */
function isWebUrl(text) {
  try {
    const url = new URL(text, 'https://partner.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

async function readInput(file) {
  if (file !== '-') return readFile(file);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function main(argv) {
  let request;
  try {
    request = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    report(`broadsheet: ${error.message}`);
    report("Run 'broadsheet --help' for usage.");
    return 2;
  }
  if (request.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  let renderer;
  try {
    renderer = await createRenderer();
  } catch (error) {
    report(error.message);
    return 2;
  }
  if (request.version) {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`broadsheet ${pkg.version} (core ${renderer.version})\n`);
    return 0;
  }

  let input;
  try {
    input = await readInput(request.file);
  } catch (error) {
    const name = request.file === '-' ? 'standard input' : request.file;
    report(`broadsheet: cannot read ${name}: ${error.code ?? error.message}`);
    return 2;
  }
  // Bytes go to the core as they are: no decoding here, so line and column match the file.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

  const result = run(renderer, request, bytes);

  for (const diagnostic of result.diagnostics) report(formatDiagnostic(diagnostic));
  for (const warning of result.warnings ?? []) report(`broadsheet: warning: ${warning}`);

  // Like the element, `render` writes what could be rendered even when the document has errors (the
  // status still says so); --strict writes nothing then. The HTML needs no escaping for the terminal:
  // the core leaves control characters out of it (and embedSnippet the bidi controls).
  let output = null;
  if (!(request.strict && !result.ok)) {
    if (request.format === 'json') output = `${terminalSafeJson(result)}\n`;
    else if (request.command === 'render' && result.html) output = result.html;
    else if (request.command === 'embed') output = result.snippet;
  }

  if (output !== null) {
    if (request.output) {
      try {
        await writeFile(request.output, output);
      } catch (error) {
        report(`broadsheet: cannot write ${request.output}: ${error.code ?? error.message}`);
        return 2;
      }
    } else {
      process.stdout.write(output);
    }
  }
  return result.ok ? 0 : 1;
}

function run(renderer, request, bytes) {
  switch (request.command) {
    case 'render':
      return renderer.render(bytes, request.standalone ? { standalone: true } : undefined);
    case 'validate':
      return renderer.validate(bytes);
    default: {
      // The snippet inlines the JSON as text. The core counts lines and columns the same in this text
      // as in the file (it also drops a byte-order mark), unless the file is not UTF-8.
      const json = new TextDecoder().decode(bytes);
      const theme = request.theme === 'auto' ? undefined : request.theme;
      return embedSnippet(renderer, json, { script: request.script, src: request.src, theme, lang: request.lang });
    }
  }
}

// ── Text for the terminal ──────────────────────────────────────────────────────────────────────────
// File names, arguments and article values reach the terminal in messages and diagnostics. Written as
// they are, an article could move the cursor, retitle the window, hide lines or reorder them (ESC and
// the other C0 and C1 controls, bidi embeddings, overrides and isolates), so those characters are
// shown as \uXXXX text instead. Lone surrogates too: they have no printable form.

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu;
// What JSON.stringify leaves as it is (it escapes C0 controls and lone surrogates itself). In JSON text
// these characters only occur inside strings, where \uXXXX means the same character.
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeCharacter(character) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Writes one line to standard error, with its unprintable characters escaped. */
function report(line) {
  process.stderr.write(`${String(line).replace(UNPRINTABLE, escapeCharacter)}\n`);
}

/** JSON text (indented) that means the same value and holds no character that drives a terminal. */
function terminalSafeJson(value) {
  return JSON.stringify(value, null, 2).replace(UNPRINTABLE_IN_JSON, escapeCharacter);
}

process.exitCode = await main(process.argv.slice(2));
