// Spreads reply jobs over worker threads (or runs them in this thread when workers = 0). Each
// worker folds its share into its own brand summaries; finish() collects them. Summaries merge
// exactly, so the report is the same whatever the number of workers.
import { Worker } from 'node:worker_threads';
import { packJobs, ReplyFolder, type FoldJob, type FoldResult } from './work.js';
import { DIST_URL } from '../paths.js';
import { EXIT } from '../errors.js';

export const BATCH = 512;

type Reply = { seq: number; result?: FoldResult };

/** A worker thread that died (out of memory, failed to start, exited): what the run stops with. */
export class WorkerFailure extends Error {
  readonly exitCode = EXIT.software;
  constructor(why: string, options?: { cause?: unknown }) {
    super(`a worker thread ${why}; try --workers 0 (one thread) or --summary-only (less memory)`, options);
    this.name = 'WorkerFailure';
  }
}

export class ReplyPool {
  private readonly workers: Worker[] = [];
  private readonly local: ReplyFolder | null;
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  /** Acknowledgements not yet awaited, oldest first. */
  private readonly inFlight: Promise<Reply>[] = [];
  /** The first worker failure: every later call fails with it. */
  private failure: WorkerFailure | null = null;
  private closing = false;

  constructor(workers: number, timeZone: string, keepReplies: boolean) {
    this.local = workers === 0 ? new ReplyFolder(timeZone, keepReplies) : null;
    for (let i = 0; i < workers; i++) {
      const w = new Worker(new URL('stream/worker.js', DIST_URL), { workerData: { timeZone, keepReplies } });
      w.on('message', (m: Reply) => {
        this.waiting.get(m.seq)?.resolve(m);
        this.waiting.delete(m.seq);
      });
      // A worker that dies fails everything still out, so nothing waits forever.
      w.on('error', (err: NodeJS.ErrnoException) => this.fail(new WorkerFailure(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory' : `failed (${err.message})`, { cause: err })));
      w.on('exit', (code) => {
        if (!this.closing) this.fail(new WorkerFailure(`stopped (exit code ${code})`));
      });
      this.workers.push(w);
    }
  }

  private fail(err: WorkerFailure): void {
    this.failure ??= err;
    for (const p of this.waiting.values()) p.reject(this.failure);
    this.waiting.clear();
  }

  private send(w: Worker, msg: object): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    const p = new Promise<Reply>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    // Awaited later (or never, once the run has failed): its rejection is not left unhandled.
    p.catch(() => {});
    w.postMessage({ seq, ...msg });
    return p;
  }

  /** Hands a batch to the next worker; waits when too many batches are out (bounded memory). */
  async submit(jobs: FoldJob[]): Promise<void> {
    if (this.local) {
      for (const j of jobs) this.local.add(j);
      return;
    }
    if (this.failure) throw this.failure;
    this.inFlight.push(this.send(this.workers[this.next++ % this.workers.length], { jobs: packJobs(jobs) }));
    while (this.inFlight.length > this.workers.length * 4) await this.inFlight.shift();
  }

  /** Every folder's summaries and replies. */
  async finish(): Promise<FoldResult[]> {
    if (this.local) return [this.local.result()];
    await Promise.all(this.inFlight.splice(0));
    const replies = await Promise.all(this.workers.map((w) => this.send(w, { finish: true })));
    return replies.map((r) => r.result!);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
