// --watch: calls back with the articles that changed, once changes have been quiet for DEBOUNCE_MS.
// A file is watched through its folder, so that editors that save by writing a new file and renaming
// it over the old one (vim, VS Code) are still seen; a directory's folders are all watched for *.json.
import { readdirSync, statSync, watch } from 'node:fs';
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
  const treeFolders = new Set(); // the folders of directory inputs, watched
  for (const input of inputs) {
    if (isFolder(input)) {
      watchTree(input);
      continue;
    }
    const folder = path.dirname(path.resolve(input));
    if (!folders.has(folder)) folders.set(folder, new Set());
    folders.get(folder).add(path.basename(input));
  }
  // Each folder of a directory input is watched by itself (node 20's recursive watch on Linux misses
  // changes after a file is renamed over), and folders that appear later are added.
  function watchTree(folder) {
    const key = path.resolve(folder);
    if (treeFolders.has(key)) return;
    treeFolders.add(key);
    try {
      watchers.push(watch(folder, (event, name) => {
        if (!name) return;
        const inside = path.join(folder, name);
        if (/\.json$/i.test(name)) note(inside);
        else if (isFolder(inside)) watchTree(inside);
      }));
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) watchTree(path.join(folder, entry.name));
      }
    } catch (error) {
      report(`broadsheet: cannot watch ${folder}: ${error.code ?? error.message}`);
    }
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
