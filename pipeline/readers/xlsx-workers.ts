// The threads that parse XLSX (xlsx-worker.mjs), kept for the next workbook. Starting a worker and loading exceljs
// in it costs about 0.4 s of CPU, against some 30 ms to read a sheet of a hundred rows: a loader that reads an
// inbox of provincial workbooks one after another, or a server answering upload previews, pays it once, not per file.
// A workbook read to its end (or found unreadable) hands its worker back; one left before its end terminates it,
// since the parse cannot be stopped midway otherwise. An idle worker never keeps the process alive, and gives its
// memory back after a minute without work.
import { Worker } from 'node:worker_threads';

/** ../../pipeline/readers/ from this file and from the compiled dist/cli alike (both sit two folders down). */
const WORKER_FILE = new URL('../../pipeline/readers/xlsx-worker.mjs', import.meta.url);
/** Workers kept waiting: one serves a loader reading files one after another; a second parse at once starts its own. */
const MAX_IDLE = 1;
const IDLE_MS = 60_000;

/** The worker's messages for one workbook (pipeline/readers/xlsx-worker.mjs). */
export type WorkerMessage =
  | { type: 'sheet'; name: string | null }
  | { type: 'rows'; rows: Array<{ line: number; values: unknown[] }> }
  | { type: 'end' }
  | { type: 'error'; message: string };

export interface ParseRequest {
  path: string;
  preferredSheets: string[];
  batchRows: number;
  tempDir?: string;
}

/** One workbook being parsed: its messages in order, and the way to end it. */
export interface Parse {
  receive(): Promise<WorkerMessage>;
  /** Asks for the next batch of rows. */
  more(): void;
  /** Ends the parse: the worker goes back to the pool when the workbook was read to its end, else it is stopped. */
  finish(): Promise<void>;
}

interface Slot {
  worker: Worker;
  /** Where this worker's messages go: the parse it is doing, or nothing while idle. */
  deliver: ((m: WorkerMessage) => void) | null;
  alive: boolean;
  idleTimer?: NodeJS.Timeout;
}

const idle: Slot[] = [];
let jobs = 0;

function startWorker(): Slot {
  const slot: Slot = { worker: new Worker(WORKER_FILE), deliver: null, alive: true };
  slot.worker.on('message', (m: WorkerMessage & { job: number }) => slot.deliver?.(m));
  // an uncaught error ends the thread ('exit' follows): it must not be handed to the next workbook meanwhile
  slot.worker.on('error', (err) => {
    slot.alive = false;
    slot.deliver?.({ type: 'error', message: err.message });
  });
  slot.worker.on('exit', () => {
    slot.alive = false;
    slot.deliver?.({ type: 'error', message: 'the XLSX reader stopped before the end of the workbook' });
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
  });
  // only a parse being waited for keeps the process alive (see receive)
  slot.worker.unref();
  return slot;
}

function takeWorker(): Slot {
  for (;;) {
    const slot = idle.pop();
    if (!slot) return startWorker();
    clearTimeout(slot.idleTimer);
    if (slot.alive) return slot;
  }
}

/** Stops a worker in the middle of a workbook: its parse cannot be interrupted otherwise. */
async function stop(slot: Slot): Promise<void> {
  slot.deliver = null;
  await slot.worker.terminate().catch(() => undefined);
}

function giveBack(slot: Slot): void {
  slot.deliver = null;
  if (!slot.alive) return;
  if (idle.length >= MAX_IDLE) {
    void slot.worker.terminate();
    return;
  }
  slot.idleTimer = setTimeout(() => {
    // out of the pool before it stops, so no parse can take a worker on its way out
    slot.alive = false;
    idle.splice(idle.indexOf(slot), 1);
    void slot.worker.terminate();
  }, IDLE_MS);
  slot.idleTimer.unref();
  idle.push(slot);
}

/** Starts parsing a workbook in a waiting worker, or a new one. */
export function startParse(request: ParseRequest): Parse {
  const slot = takeWorker();
  const job = ++jobs;
  const messages: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  slot.deliver = (m) => {
    if ('job' in m && m.job !== job) return;
    if (m.type === 'end' || m.type === 'error') ended = true;
    messages.push(m);
    wake?.();
    wake = null;
  };
  slot.worker.postMessage({ type: 'open', job, ...request });
  let finished: Promise<void> | undefined;
  return {
    async receive() {
      if (messages.length === 0) {
        slot.worker.ref();
        while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        slot.worker.unref();
      }
      return messages.shift()!;
    },
    more() {
      if (!ended) slot.worker.postMessage({ type: 'more' });
    },
    finish() {
      finished ??= ended ? Promise.resolve(giveBack(slot)) : stop(slot);
      return finished;
    },
  };
}
