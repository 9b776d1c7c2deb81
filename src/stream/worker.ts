// Worker thread: folds batches of reply jobs into its own brand summaries; hands them back
// when asked to finish. Every batch is acknowledged so the sender can bound what is in flight.
import { parentPort, workerData } from 'node:worker_threads';
import { ReplyFolder, unpackJobs } from './work.js';

const folder = new ReplyFolder(workerData.timeZone, workerData.keepReplies, false);

parentPort!.on('message', (msg: { seq: number; jobs?: (string | number)[]; finish?: boolean }) => {
  if (msg.finish) parentPort!.postMessage({ seq: msg.seq, result: folder.result() });
  else {
    for (const j of unpackJobs(msg.jobs!)) folder.add(j);
    parentPort!.postMessage({ seq: msg.seq });
  }
});
