// The command line of `broadsheet`: its help texts, and the request parsed and checked from argv.
import { parseArgs } from 'node:util';

const EXIT_STATUS = `Exit status: 0 no document has errors, 1 a document has errors (see the diagnostics),
2 usage error, or a file could not be read or written (2 wins over 1).`;

const INPUTS = `Inputs: files, directories (every *.json inside, recursively, in sorted order) and - (standard
input, once). Diagnostics go to standard error, one a line, as
  file:line:column: severity: message [CODE]
(the gcc / eslint -f unix format; "file: severity: message [CODE]" when there is no position), in
colour only when standard error is a terminal and NO_COLOR is not set.`;

const RENDER_OPTIONS = `  --theme <t>          auto (default), light or dark: the article's data-theme.
  --lang <tag>         BCP 47 language tag; overrides the article's lang.
  --heading-level <n>  Level of the headline element, 1 (default) to 6; body headings shift with it.
  --base-url <url>     The article's own absolute http(s) address: relative image and link URLs
                       resolve against it.`;

const JOBS = `  -j, --jobs <n>       Work on n articles at once, on n threads (this one and n - 1 workers), each
                       with its own instance of the core (default 1). Output, diagnostics and exit
                       status are the same as with 1, in the same order; use about one per core.`;

export const GENERAL_HELP = `Usage:
  broadsheet render <input>... [options]     Render articles to HTML.
  broadsheet validate <input>... [options]   Check articles and report their diagnostics.
  broadsheet head <input>... [options]       Print the tags a page's <head> needs for each article.
  broadsheet embed <file|-> --src <url> --script <url> [options]
                                             Print the snippet a partner pastes for an article.
  broadsheet <command> --help                Help for one command.
  broadsheet --help | --version

${INPUTS}

${EXIT_STATUS}
`;

const RENDER_HELP = `Usage:
  broadsheet render <input>... [--format html|json] [--standalone] [--strict] [--css inline|<file>]
                    [--theme auto|light|dark] [--lang <tag>] [--heading-level 1-6] [--base-url <url>]
                    [-o <file>|<dir>] [--watch] [--jobs <n>]

Render articles (JSON, format broadsheet/article@1) to HTML. One process renders them all.

${INPUTS}

Options:
  --format <f>         html (default), or json for the whole result (ok, html, css, diagnostics, meta).
  --standalone         A whole HTML document with the stylesheet inlined, instead of an <article>.
  --strict             Write nothing for a document with errors (by default what could be rendered is
                       written, as the element shows it, and the status is still 1).
  --css inline         Put the stylesheet in a <style> element before the <article> (a --standalone
                       document has it already).
  --css <file>         Write the stylesheet to <file> and link it: <link rel="stylesheet" href="...">
                       before the <article> (with --standalone, in place of the inlined <style>). The
                       href is <file> relative to each output's folder (to the current folder for
                       standard output). Only with --format html.
${RENDER_OPTIONS}
  -o, --output <out>   One input: write to the file <out> (or into it, when it is a folder or ends
                       with /). Several inputs or a directory: <out> is a folder (created if needed)
                       that gets one .html (.json with --format json) per input, named like the input
                       (a/b.json in a directory input -> <out>/a/b.html; a file input -> its base
                       name; standard input -> stdin). Two inputs with the same name are a usage error.
                       Without -o: one input goes to standard output; several need -o, except with
                       --format json, which then writes one JSON array of {file, ...result}.
  --watch              Render, then render again each input that changes (after 100 ms of quiet),
                       until interrupted. Not with standard input.
${JOBS}
  -h, --help           Show this help.

${EXIT_STATUS}
`;

const VALIDATE_HELP = `Usage:
  broadsheet validate <input>... [--format text|json] [--lang <tag>] [--base-url <url>] [--watch]
                      [--jobs <n>]

Check articles and report their diagnostics, without rendering. One process checks them all.

${INPUTS}

Options:
  --format <f>         text (default): only the diagnostics, on standard error; json: also
                       {ok, diagnostics} on standard output (one input), or a JSON array of
                       {file, ok, diagnostics} (several inputs or a directory).
  --lang <tag>         BCP 47 language tag; overrides the article's lang.
  --base-url <url>     The article's own absolute http(s) address (relative URLs resolve against it).
  --watch              Check, then check again each input that changes (after 100 ms of quiet),
                       until interrupted. Not with standard input.
${JOBS}
  -h, --help           Show this help.

${EXIT_STATUS}
`;

const HEAD_HELP = `Usage:
  broadsheet head <input>... [--format html|json] [--strict] [--lang <tag>] [--base-url <url>]
                  [-o <file>|<dir>] [--watch] [--jobs <n>]

Print the tags a page showing or republishing the article puts in its <head>: the canonical link
(to syndication.originalUrl when the article is syndicated), <meta name="description">, Open Graph
and Twitter card tags, and the schema.org JSON-LD script, each escaped for its context. They are the
tags of a --standalone document's head, and what renderer.headTags() returns.

${INPUTS}

Options:
  --format <f>         html (default): the tags, one a line; json: {ok, head, diagnostics}.
  --strict             Write nothing for a document with errors.
  --lang <tag>         BCP 47 language tag; overrides the article's lang (og:locale follows it).
  --base-url <url>     The article's own absolute http(s) address (relative URLs resolve against it).
  -o, --output <out>   As for render: one input to the file <out>; several inputs into the folder
                       <out>, one .html (or .json) each. Without -o, several inputs need --format json.
  --watch              Print again each input that changes, until interrupted.
  -h, --help           Show this help.

${EXIT_STATUS}
`;

const EMBED_HELP = `Usage:
  broadsheet embed <file|-> --src <url> --script <url> [--theme auto|light|dark] [--lang <tag>] [-o <file>]

Print the snippet a partner pastes for this article: the module script, then the element with the
article already rendered and its JSON inlined, so that it takes its room before the script arrives
and nothing moves when it does. Warns on standard error about what can still move the page.

Options:
  --src <url>          Where the article's JSON is published (the element's src).
  --script <url>       Where embed.min.js (the minified embed.js) is published.
  --theme <t>, --lang <tag>
                       The element's theme and language (default: auto, the article's).
  -o, --output <file>  Write to this file instead of standard output.
  -h, --help           Show this help.

Diagnostics as for render: file:line:column: severity: message [CODE].

${EXIT_STATUS}
`;

export class UsageError extends Error {}

const RENDERING = ['theme', 'lang', 'heading-level', 'base-url'];
export const COMMANDS = {
  render: {
    help: RENDER_HELP,
    formats: ['html', 'json'],
    flags: ['format', 'standalone', 'strict', 'css', 'output', 'watch', 'jobs', ...RENDERING],
  },
  validate: { help: VALIDATE_HELP, formats: ['text', 'json'], flags: ['format', 'watch', 'jobs', 'lang', 'base-url'] },
  head: { help: HEAD_HELP, formats: ['html', 'json'], flags: ['format', 'strict', 'output', 'watch', 'jobs', 'lang', 'base-url'] },
  embed: {
    help: EMBED_HELP,
    formats: ['html'],
    flags: ['src', 'script', 'theme', 'lang', 'output'],
    required: ['src', 'script'],
    oneInput: true,
  },
};
const THEMES = ['auto', 'light', 'dark'];
const LANGUAGE_TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The request of a command line: { help } (the text to print), { version: true }, or the command with
 * its inputs and checked options. Throws UsageError.
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        standalone: { type: 'boolean' },
        strict: { type: 'boolean' },
        css: { type: 'string' },
        src: { type: 'string' },
        script: { type: 'string' },
        theme: { type: 'string' },
        lang: { type: 'string' },
        'heading-level': { type: 'string' },
        'base-url': { type: 'string' },
        output: { type: 'string', short: 'o' },
        watch: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  const spec = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : null;
  if (values.help) return { help: spec ? spec.help : GENERAL_HELP };
  if (values.version) return { version: true };

  if (!command) throw new UsageError('missing command (render, validate, head or embed)');
  if (!spec) throw new UsageError(`unknown command '${command}'`);
  if (inputs.length === 0) {
    throw new UsageError(`${command}: missing the article ${spec.oneInput ? 'file' : 'files'} (or - for standard input)`);
  }
  if (spec.oneInput && inputs.length > 1) throw new UsageError(`${command}: unexpected argument '${inputs[1]}'`);
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError(`${command}: - can be given once`);
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
  if (values.lang !== undefined && !LANGUAGE_TAG.test(values.lang)) {
    throw new UsageError(`${command}: --lang must be a BCP 47 language tag such as fr or pt-BR, not '${values.lang}'`);
  }
  const headingLevel = values['heading-level'];
  if (headingLevel !== undefined && !/^[1-6]$/.test(headingLevel)) {
    throw new UsageError(`${command}: --heading-level must be 1 to 6, not '${headingLevel}'`);
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !isAbsoluteWebUrl(baseUrl)) {
    throw new UsageError(`${command}: --base-url must be an absolute http(s) URL with a host, not '${baseUrl}'`);
  }
  const format = values.format ?? spec.formats[0];
  if (!spec.formats.includes(format)) {
    throw new UsageError(`${command}: --format must be ${spec.formats.join(' or ')}, not '${format}'`);
  }
  if (values.css !== undefined && format !== 'html') throw new UsageError(`${command}: --css is for --format html`);
  if (values.css === '') throw new UsageError(`${command}: --css needs inline or a file name`);
  if (values.watch && inputs.includes('-')) throw new UsageError(`${command}: --watch cannot watch standard input`);

  const jobs = values.jobs ?? '1';
  if (!/^[1-9][0-9]{0,3}$/.test(jobs)) {
    throw new UsageError(`${command}: --jobs must be a whole number from 1 to 9999, not '${jobs}'`);
  }

  const renderOptions = {};
  if (command === 'head') renderOptions.headTags = true;
  if (values.standalone) renderOptions.standalone = true;
  if (values.theme !== undefined && command !== 'embed') renderOptions.theme = values.theme;
  if (values.lang !== undefined) renderOptions.lang = values.lang;
  if (headingLevel !== undefined) renderOptions.headingLevel = Number(headingLevel);
  if (baseUrl !== undefined) renderOptions.baseUrl = baseUrl;

  return {
    command,
    inputs,
    format,
    renderOptions,
    strict: Boolean(values.strict),
    watch: Boolean(values.watch),
    jobs: Number(jobs),
    css: values.css,
    output: values.output,
    src: values.src,
    script: values.script,
    theme: values.theme,
    lang: values.lang,
  };
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

/** What the core takes as a base URL: an absolute http(s) URL with a host. */
function isAbsoluteWebUrl(text) {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
