// Paths shared by the JavaScript and browser tests.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'bin', 'broadsheet.js');
export const examplePath = path.join(repoRoot, 'examples', 'nbca-russian-arms-nato.json');

/** The git-ignored folder for test artefacts (screenshots, rendered files); created on demand. */
export function testOutputDir(...parts) {
  const dir = path.join(repoRoot, 'test-output', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The analysts of the seed article (shared/seeds/nbca-russian-arms-nato.txt). */
export const exampleAnalysts = ['Eduard Poletaev', 'Daur Dosybiev', 'Sergey Pashevich'];
