// The counters a run's articles are shared out by, between the CLI's main thread and its --jobs workers
// (bin/cli/jobs.js, bin/cli/file-worker.js): one Int32Array over a SharedArrayBuffer per batch.

/** The index of the next article nobody has taken. */
export const BATCH_NEXT = 0;
/** How many articles the main thread has reported, in input order. */
export const BATCH_REPORTED = 1;

/** The slot where worker `workerIndex` keeps the article it is working on (-1: none). */
export const batchWorkerSlot = (workerIndex) => 2 + workerIndex;

export function batchCounters(workers) {
  const counters = new Int32Array(new SharedArrayBuffer(4 * batchWorkerSlot(workers)));
  counters.fill(-1, batchWorkerSlot(0));
  return counters;
}
