#!/usr/bin/env node
// The `broadsheet` command: render or validate articles with the WebAssembly core (many in one
// process, with one renderer), print the head tags they need, or print the partner snippet for one. `broadsheet --help` for usage.
// Exit status: 0 no errors, 1 a document has errors, 2 usage errors or a file could not be read or written.

import { readFile } from 'node:fs/promises';
import { createRenderer, liteCoreOptions } from '../web/broadsheet.js';
import { embedSnippet } from '../web/embed-snippet.js';
import { UsageError, parseCommandLine } from './cli/args.js';
import { STDIN, expandInputs, namesSeveral, outputFiles, outputIsFolder, readArticle } from './cli/inputs.js';
import { renderInOrder, startJobs } from './cli/jobs.js';
import { withStylesheet, writeOutput } from './cli/output.js';
import { report, reportDiagnostic, stderrWantsColour, terminalSafeJson } from './cli/terminal.js';
import { watchInputs } from './cli/watch.js';

const OK = 0;
const HAS_ERRORS = 1;
const CANNOT_RUN = 2;

async function main(argv) {
  let request;
  try {
    request = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(error.message);
  }
  if (request.help) {
    process.stdout.write(request.help);
    return OK;
  }

  let renderer;
  try {
    renderer = await createRenderer();
  } catch (error) {
    report(error.message);
    return CANNOT_RUN;
  }
  if (request.version) {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`broadsheet ${pkg.version} (core ${renderer.version})\n`);
    return OK;
  }
  const colour = stderrWantsColour();
  if (request.command === 'embed') return embed(renderer, request, colour);

  let plan;
  try {
    plan = await planOutputs(request);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(error.message);
  }
  if (request.css !== undefined && request.css !== 'inline') {
    if (!await write(request.css, renderer.css)) return CANNOT_RUN;
  }
  // --jobs: worker threads, each instantiating the module this process compiled for its own renderer.
  let pool = null;
  if (request.jobs > 1 && plan.several) {
    try {
      pool = await startJobs(request.jobs, request, renderer);
    } catch (error) {
      report(`broadsheet: could not start ${request.jobs} render workers: ${error.message}`);
      return CANNOT_RUN;
    }
  }
  const status = await runAll(renderer, request, plan, colour, null, pool);
  if (!request.watch) {
    await pool?.close();
    return status;
  }

  let running = Promise.resolve();
  watchInputs(request.inputs, (changed) => {
    running = running.then(() => runAll(renderer, request, plan, colour, changed, pool));
  }, report);
  // Only once the watchers are set: a script (or test) that waits for this line misses no change.
  report(`broadsheet: watching ${request.inputs.length === 1 ? request.inputs[0] : `${request.inputs.length} inputs`} for changes (Ctrl-C to stop)`);
  return new Promise(() => {}); // until interrupted
}

function usageError(message) {
  report(`broadsheet: ${message}`);
  report("Run 'broadsheet --help' for usage.");
  return CANNOT_RUN;
}

/**
 * Where results go: `folder` (-o names a folder), `file` (-o names one file), or standard output;
 * `several` when the command line names several articles (or a directory). Throws UsageError.
 */
async function planOutputs(request) {
  const several = await namesSeveral(request.inputs);
  const json = request.format === 'json';
  if (request.command === 'validate') return { several };
  if (request.output === undefined) {
    if (several && !json) {
      throw new UsageError(`${request.command}: several articles need -o <folder> for their HTML files (or --format json)`);
    }
    return { several };
  }
  if (await outputIsFolder(request.output, several)) return { several, folder: request.output };
  return { several, file: request.output };
}

/**
 * Reads, renders (or validates) and writes the articles of the command line; with `changed` (a set
 * of absolute paths, in --watch), only those of them. Returns the exit status.
 */
async function runAll(renderer, request, plan, colour, changed, pool) {
  const { articles, problems } = await expandInputs(request.inputs);
  const extension = request.format === 'json' ? '.json' : '.html';
  if (plan.folder) {
    const clashes = outputFiles(articles, plan.folder, extension);
    if (clashes.length) {
      for (const clash of clashes) report(`broadsheet: ${clash}`);
      return CANNOT_RUN;
    }
  }
  let status = OK;
  if (!changed) {
    for (const problem of problems) report(`broadsheet: ${problem}`);
    if (problems.length) status = CANNOT_RUN;
  }
  const chosen = changed ? articles.filter((entry) => changed.has(entry.key)) : articles;
  const collected = [];
  let withErrors = 0;
  const outcomes = renderInOrder(chosen, request, renderer, chosen.length > 1 ? pool : null);
  for await (const { entry, error, result: rendered, written, writeError } of outcomes) {
    if (error) {
      const name = entry.file === STDIN ? 'standard input' : entry.name;
      // A file that went away while watched is no error: it is simply not there any more.
      if (!(changed && error.code === 'ENOENT')) report(`broadsheet: cannot read ${name}: ${error.code ?? error.message}`);
      status = CANNOT_RUN;
      continue;
    }
    const result = headResult(request, rendered);
    for (const diagnostic of result.diagnostics) reportDiagnostic(entry.name, diagnostic, colour);
    if (!result.ok) {
      withErrors += 1;
      if (status === OK) status = HAS_ERRORS;
    }
    // Like the element, `render` writes what could be rendered even when the document has errors (the
    // status still says so); --strict writes nothing then. The HTML needs no escaping for the
    // terminal: the core leaves control characters out of it.
    if (request.strict && !result.ok) continue;
    if (written) { // by a --jobs worker
      if (writeError) status = cannotWrite(entry.output, writeError);
    } else if (request.format === 'json') {
      if (plan.several && !plan.folder) {
        collected.push({ file: entry.name, ...result });
        continue;
      }
      if (!await emit(`${terminalSafeJson(result)}\n`, entry.output ?? plan.file)) status = CANNOT_RUN;
    } else if (request.command === 'head') {
      if (result.head && !await emit(result.head, entry.output ?? plan.file)) status = CANNOT_RUN;
    } else if (request.command === 'render' && result.html) {
      const target = entry.output ?? plan.file;
      if (!await emit(withStylesheet(result.html, result.css, request, target), target)) status = CANNOT_RUN;
    }
  }
  if (collected.length || (plan.several && !plan.folder && request.format === 'json' && !changed)) {
    process.stdout.write(`${terminalSafeJson(collected)}\n`);
  }
  if (request.watch) {
    const verb = { render: 'rendered', head: 'printed the head tags of', validate: 'checked' }[request.command];
    report(`broadsheet: ${verb} ${chosen.length} ${chosen.length === 1 ? 'article' : 'articles'}, ${withErrors} with errors`);
  }
  return status;
}

/** For `head`, what is written: the head tags (meta.head) with the verdict and diagnostics. */
function headResult(request, result) {
  if (request.command !== 'head') return result;
  return { ok: result.ok, head: result.meta?.head ?? '', diagnostics: result.diagnostics };
}

/** Writes to the file (creating its folder), or to standard output without one. */
async function emit(text, file) {
  if (!file) {
    process.stdout.write(text);
    return true;
  }
  return write(file, text);
}

function write(file, text) {
  const error = writeOutput(file, text);
  if (error) cannotWrite(file, error);
  return !error;
}

function cannotWrite(file, error) {
  report(`broadsheet: cannot write ${file}: ${error}`);
  return CANNOT_RUN;
}

async function embed(renderer, request, colour) {
  const { articles, problems } = await expandInputs(request.inputs);
  const [entry] = articles;
  if (problems.length || !entry || entry.file !== STDIN && entry.name !== request.inputs[0]) {
    report(`broadsheet: ${problems[0] ?? `embed: ${request.inputs[0]} is not an article file`}`);
    return CANNOT_RUN;
  }
  let bytes;
  try {
    bytes = await readArticle(entry);
  } catch (error) {
    report(`broadsheet: cannot read ${entry.file === STDIN ? 'standard input' : entry.name}: ${error.code ?? error.message}`);
    return CANNOT_RUN;
  }
  // The snippet inlines the JSON as text. The core counts lines and columns the same in this text as
  // in the file (it also drops a byte-order mark), unless the file is not UTF-8.
  const json = new TextDecoder().decode(bytes);
  const theme = request.theme === 'auto' ? undefined : request.theme;
  // The lite core says whether the article needs the full one, so the snippet's hints name the core
  // the element will use (one download).
  const liteRenderer = await createRenderer(liteCoreOptions());
  const result = embedSnippet(renderer, json, { script: request.script, src: request.src, theme, lang: request.lang,
    liteRenderer });
  for (const diagnostic of result.diagnostics) reportDiagnostic(entry.name, diagnostic, colour);
  for (const warning of result.warnings ?? []) report(`broadsheet: warning: ${warning}`);
  if (!await emit(result.snippet, request.output)) return CANNOT_RUN;
  return result.ok ? OK : HAS_ERRORS;
}

process.exitCode = await main(process.argv.slice(2));
