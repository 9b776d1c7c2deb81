// Runs reply jobs in batches, in the main thread (workers = 0) or across worker threads.
// Results are handed back strictly in submission order, so the output is the same whatever
// the number of workers.
import { Worker } from 'node:worker_threads';
import { doReplyJob, type ReplyJob, type ReplyResult } from './work.js';

export const BATCH = 512;

export class ReplyPool {
  private readonly workers: Worker[] = [];
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: ReplyResult[]) => void; reject: (e: Error) => void }>();
  /** Batches submitted and not yet handed back, oldest first. */
  private readonly inFlight: Promise<ReplyResult[]>[] = [];
  private failure: Error | null = null;

  constructor(workers: number) {
    for (let i = 0; i < workers; i++) {
      const w = new Worker(new URL('./worker.js', import.meta.url));
      w.on('message', (m: { seq: number; results: ReplyResult[] }) => {
        this.waiting.get(m.seq)?.resolve(m.results);
        this.waiting.delete(m.seq);
      });
      // A crashed worker fails every batch still out, so nothing waits forever.
      w.on('error', (err) => {
        this.failure = err;
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  /** Queues a batch; its results come back from drain() in submission order. */
  submit(jobs: ReplyJob[]): void {
    if (this.workers.length === 0) {
      this.inFlight.push(Promise.resolve(jobs.map(doReplyJob)));
      return;
    }
    const seq = this.seq++;
    const w = this.workers[this.next++ % this.workers.length];
    this.inFlight.push(new Promise((resolve, reject) => this.waiting.set(seq, { resolve, reject })));
    w.postMessage({ seq, jobs });
  }

  /** Batches in flight; the caller awaits the oldest when this grows (bounded memory). */
  get pending(): number {
    return this.inFlight.length;
  }

  /** The oldest batch's results. */
  take(): Promise<ReplyResult[]> {
    return this.failure ? Promise.reject(this.failure) : this.inFlight.shift()!;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
