// --watch: calls back with the articles that changed, once changes have been quiet for DEBOUNCE_MS.
// A file is watched through its folder, so that editors that save by writing a new file and renaming
// it over the old one (vim, VS Code) are still seen; a directory is watched recursively for *.json.
import { statSync, watch } from 'node:fs';
import path from 'node:path';

export const DEBOUNCE_MS = 100;

/**
 * Watches the inputs (paths of files and directories, no standard input) and calls
 * `onChange(changed)` with the set of absolute paths of the *.json files that changed. Returns a
 * function that stops watching.
 */
export function watchInputs(inputs, onChange, report) {
  let changed = new Set();
  let timer = null;
  const note = (file) => {
    changed.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = changed;
      changed = new Set();
      onChange(batch);
    }, DEBOUNCE_MS);
  };

  const watchers = [];
  const folders = new Map(); // a folder watched for files given by name -> those names
  for (const input of inputs) {
    if (isFolder(input)) {
      try {
        watchers.push(watch(input, { recursive: true }, (event, name) => {
          if (name && /\.json$/i.test(name)) note(path.join(input, name));
        }));
      } catch (error) {
        report(`broadsheet: cannot watch ${input}: ${error.code ?? error.message}`);
      }
      continue;
    }
    const folder = path.dirname(path.resolve(input));
    if (!folders.has(folder)) folders.set(folder, new Set());
    folders.get(folder).add(path.basename(input));
  }
  for (const [folder, names] of folders) {
    try {
      watchers.push(watch(folder, (event, name) => {
        if (name && names.has(name)) note(path.join(folder, name));
      }));
    } catch (error) {
      report(`broadsheet: cannot watch ${folder}: ${error.code ?? error.message}`);
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

function isFolder(input) {
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}
