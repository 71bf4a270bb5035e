// The articles of a command line, read and rendered (or validated) in their order: one at a time by the
// process's renderer, or, with --jobs above 1, several at once by a pool of worker threads
// (web/render-pool.js) while the results are still handed back in input order, so that what is
// printed and written, and the exit status, are the same as with one job.
import { readArticle } from './inputs.js';

/** How many articles a pool may have read and queued per worker, ahead of the one being reported. */
const AHEAD_PER_JOB = 4;

/**
 * Yields `{ entry, result }`, or `{ entry, error }` when the file could not be read, for each entry in order.
 * @param {object[]} entries from expandInputs
 * @param {{command: string, renderOptions: object}} request
 * @param {import('../../web/index.d.ts').Renderer} renderer
 * @param {import('../../web/ssr.d.ts').RenderPool | null} pool
 */
export async function* renderInOrder(entries, { command, renderOptions }, renderer, pool) {
  // `render` and `head` render (head with the headTags option); `validate` only validates.
  const run = (target, bytes) => (command === 'validate' ? target.validate(bytes, renderOptions) : target.render(bytes, renderOptions));
  if (!pool) {
    for (const entry of entries) {
      let bytes;
      try {
        bytes = await readArticle(entry);
      } catch (error) {
        yield { entry, error };
        continue;
      }
      yield { entry, result: run(renderer, bytes) };
    }
    return;
  }
  const start = (entry) => readArticle(entry).then(
    async (bytes) => ({ entry, result: await run(pool, bytes) }),
    (error) => ({ entry, error }));
  const pending = [];
  let next = 0;
  while (next < entries.length && pending.length < pool.jobs * AHEAD_PER_JOB) pending.push(start(entries[next++]));
  while (pending.length) {
    const done = await pending.shift();
    if (next < entries.length) pending.push(start(entries[next++]));
    yield done;
  }
}
