// Worker thread: runs reply jobs in batches and posts the results back, in order.
import { parentPort } from 'node:worker_threads';
import { doReplyJob, type ReplyJob } from './work.js';

parentPort!.on('message', (msg: { seq: number; jobs: ReplyJob[] }) => {
  parentPort!.postMessage({ seq: msg.seq, results: msg.jobs.map(doReplyJob) });
});
