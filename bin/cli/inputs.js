// What the command reads and where it writes: the inputs of a command line (files, directories, -)
// expanded into articles, and the output file of each.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const STDIN = '-';

/**
 * One article to read: `name` is how diagnostics call it (the path as given, or as the directory
 * given joined with the path inside it; `<stdin>`), `file` what is read (or STDIN), `outputName` its
 * output's path relative to an output folder, without extension.
 */
function article(name, file, outputName) {
  return { name, file, outputName, key: file === STDIN ? STDIN : path.resolve(file) };
}

/**
 * Expands the command line's inputs, in their order: a directory gives every *.json inside it,
 * recursively, in sorted order (code-unit order of their paths inside it). A file given twice, or also
 * found in a directory given, is read once. Returns the articles and the problems (each a message:
 * an input that cannot be read, a directory without articles).
 */
export async function expandInputs(inputs) {
  const articles = [];
  const problems = [];
  const seen = new Set();
  const add = (entry) => {
    if (seen.has(entry.key)) return;
    seen.add(entry.key);
    articles.push(entry);
  };
  for (const input of inputs) {
    if (input === STDIN) {
      add(article('<stdin>', STDIN, 'stdin'));
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      problems.push(`cannot read ${input}: ${error.code ?? error.message}`);
      continue;
    }
    if (!info.isDirectory()) {
      add(article(input, input, path.basename(input).replace(/\.json$/i, '')));
      continue;
    }
    const found = (await jsonFilesUnder(input, '', problems)).sort(compareCodeUnits);
    if (found.length === 0) problems.push(`no .json files in ${input}`);
    for (const inside of found) {
      add(article(path.join(input, inside), path.join(input, inside), inside.replace(/\.json$/i, '')));
    }
  }
  return { articles, problems };
}

/** Paths (relative to `root`) of the *.json files under root/inside. Symbolic links to folders are
 * not followed (they could loop); symbolic links to files are. */
async function jsonFilesUnder(root, inside, problems) {
  let entries;
  try {
    entries = await readdir(path.join(root, inside), { withFileTypes: true });
  } catch (error) {
    problems.push(`cannot read ${path.join(root, inside)}: ${error.code ?? error.message}`);
    return [];
  }
  const found = [];
  for (const entry of entries) {
    const relative = path.join(inside, entry.name);
    if (entry.isDirectory()) {
      found.push(...await jsonFilesUnder(root, relative, problems));
    } else if (/\.json$/i.test(entry.name) && (entry.isFile() || await isFileLink(path.join(root, relative)))) {
      found.push(relative);
    }
  }
  return found;
}

async function isFileLink(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

const compareCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The bytes of an article, as they are: no decoding here, so line and column match the file. */
export async function readArticle(entry) {
  if (entry.file !== STDIN) return readArticleFile(entry.file);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return asBytes(Buffer.concat(chunks));
}

/**
 * Synchronously: a whole article is one read, and the promise API's file handles and thread-pool hops
 * cost more CPU time than the read. (With --jobs the workers read their files: file-worker.js.)
 */
export function readArticleFile(file) {
  return asBytes(readFileSync(file));
}

const asBytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/**
 * Whether a command line names several articles: more than one input, or a directory (however many
 * files it holds today, so that the shape of the output depends on the command line alone).
 */
export async function namesSeveral(inputs) {
  if (inputs.length > 1) return true;
  if (inputs[0] === STDIN) return false;
  try {
    return (await stat(inputs[0])).isDirectory();
  } catch {
    return false;
  }
}

/** Whether -o names a folder: when several articles are named, or it ends with / or is a folder. */
export async function outputIsFolder(output, several) {
  if (several || /[\\/]$/.test(output)) return true;
  try {
    return (await stat(output)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The output file of each article in an output folder (mirrored names, `extension` added). Returns
 * the names two articles would share, each with the articles' names, so that nothing is overwritten.
 */
export function outputFiles(articles, folder, extension) {
  const byOutput = new Map();
  for (const entry of articles) {
    entry.output = path.join(folder, entry.outputName + extension);
    const sharing = byOutput.get(entry.output) ?? [];
    sharing.push(entry.name);
    byOutput.set(entry.output, sharing);
  }
  return [...byOutput].filter(([, names]) => names.length > 1)
    .map(([output, names]) => `${names.join(' and ')} would both be written to ${output}`);
}
