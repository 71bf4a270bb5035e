#!/usr/bin/env node
// The `broadsheet` command: render or validate an article file with the WebAssembly core.
// Exit status: 0 no errors, 1 the document has errors, 2 usage errors or the command could not run.

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createRenderer, formatDiagnostic } from '../web/broadsheet.js';

const USAGE = `Usage:
  broadsheet render <file|-> [--format html|json] [--standalone] [-o <out>]
  broadsheet validate <file|-> [--format text|json]
  broadsheet --help | --version

Commands:
  render      Render an article (JSON, format broadsheet/article@1) to HTML.
  validate    Check an article and report its diagnostics, without rendering.

Options:
  --format <f>       render: html (default), or json for the whole result (ok, html, css,
                     diagnostics, meta); validate: text (default), or json for {ok, diagnostics}.
  --standalone       Write a whole HTML document with the stylesheet inlined.
  -o, --output <out> Write to this file instead of standard output.
  -h, --help         Show this help.
  --version          Show the package and core versions.

"-" reads the article from standard input. Diagnostics go to standard error, one per line, as
"path line:column code message".

Exit status: 0 no errors, 1 the document has errors, 2 usage error or the command could not run.
`;

class UsageError extends Error {}

const COMMANDS = {
  render: { formats: ['html', 'json'], flags: ['format', 'standalone', 'output'] },
  validate: { formats: ['text', 'json'], flags: ['format'] },
};

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        standalone: { type: 'boolean' },
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
  if (!command) throw new UsageError('missing command (render or validate)');
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : null;
  if (!spec) throw new UsageError(`unknown command '${command}'`);
  if (file === undefined) throw new UsageError(`${command}: missing the article file (or - for standard input)`);
  if (extra.length) throw new UsageError(`${command}: unexpected argument '${extra[0]}'`);
  for (const name of Object.keys(values)) {
    if (!spec.flags.includes(name)) throw new UsageError(`${command}: --${name} is not an option of this command`);
  }
  const format = values.format ?? spec.formats[0];
  if (!spec.formats.includes(format)) {
    throw new UsageError(`${command}: --format must be ${spec.formats.join(' or ')}, not '${format}'`);
  }
  return { command, file, format, standalone: Boolean(values.standalone), output: values.output };
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
    process.stderr.write(`broadsheet: ${error.message}\nRun 'broadsheet --help' for usage.\n`);
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
    process.stderr.write(`${error.message}\n`);
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
    process.stderr.write(`broadsheet: cannot read ${name}: ${error.code ?? error.message}\n`);
    return 2;
  }
  // Bytes go to the core as they are: no decoding here, so line and column match the file.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

  const result = request.command === 'render'
    ? renderer.render(bytes, request.standalone ? { standalone: true } : undefined)
    : renderer.validate(bytes);

  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);

  let output = null;
  if (request.format === 'json') output = `${JSON.stringify(result, null, 2)}\n`;
  else if (request.command === 'render' && result.ok) output = result.html;

  if (output !== null) {
    if (request.output) {
      try {
        await writeFile(request.output, output);
      } catch (error) {
        process.stderr.write(`broadsheet: cannot write ${request.output}: ${error.code ?? error.message}\n`);
        return 2;
      }
    } else {
      process.stdout.write(output);
    }
  }
  return result.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
