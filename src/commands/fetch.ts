// `feedhealth fetch @handle`: sync the handle's timeline into the cache and write the stored
// raw pages as JSONL (one API page a line, with __feedhealth retrieval metadata) to stdout or
// -o. `feedhealth audit <that file>` then gives the same report as `audit @handle`, offline.
import { emit } from '../output.js';
import type { LiveCliOptions } from '../xapi/sync.js';

export interface FetchCliOptions extends LiveCliOptions {
  output?: string;
}

export async function fetchCommand(handle: string, opts: FetchCliOptions): Promise<void> {
  const { liveRequest, syncHandle } = await import('../xapi/sync.js');
  const req = liveRequest(handle, opts);
  const res = await syncHandle(req);
  await emit(res.lines.map((l) => `${l}\n`).join(''), opts.output);
}
