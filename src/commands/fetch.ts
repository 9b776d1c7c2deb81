// `feedhealth fetch @handle`: sync the handle's timeline into the cache and write the stored
// raw pages as JSONL (one API page a line, with __feedhealth retrieval metadata) to stdout or
// -o. `feedhealth audit <that file>` then gives the same report as `audit @handle`, offline.
import { emit } from '../output.js';
import type { Since } from '../sources/window.js';
import { idFloorAt, pageFacts } from '../store/coverage.js';
import type { LiveCliOptions } from '../xapi/sync.js';

export interface FetchCliOptions extends LiveCliOptions {
  output?: string;
}

export async function fetchCommand(handle: string, opts: FetchCliOptions): Promise<void> {
  const { liveRequest, syncHandle } = await import('../xapi/sync.js');
  const req = liveRequest(handle, opts);
  const res = await syncHandle(req);
  const lines = pagesInWindow(res.lines, req);
  await emit(lines.map((l) => `${l}\n`).join(''), opts.output);
}

/**
 * The stored pages to print: all of them, or with --since / --limit those holding a tweet in
 * that window — the cache may hold more, from earlier runs. Pages stay whole, as the API sent
 * them, so one may also hold older tweets. --limit counts the account's own tweets; mentions
 * pages follow --since only (an old mention may be what a new reply answers).
 */
export function pagesInWindow(lines: readonly string[], w: { since?: Since; limit?: number }): string[] {
  if (!w.since && w.limit === undefined) return [...lines];
  const facts = lines.map((line) => pageFacts(JSON.parse(line)));
  const sinceFloor = w.since ? idFloorAt(w.since.ms) : 0n;
  let ownFloor = sinceFloor;
  if (w.limit !== undefined) {
    const own = [...new Set(facts.flatMap((f) => (f?.endpoint === 'tweets' ? f.ids : [])))].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const nth = own[Math.min(w.limit, own.length) - 1];
    if (nth !== undefined && nth > ownFloor) ownFloor = nth;
  }
  return lines.filter((_, i) => {
    const f = facts[i];
    if (!f) return true;
    const floor = f.endpoint === 'tweets' ? ownFloor : sinceFloor;
    return f.ids.some((id) => id >= floor);
  });
}
