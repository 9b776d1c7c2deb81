// A per-handle lock file so two runs on the same handle take turns instead of fetching the
// same pages twice. Created with O_EXCL; holds {pid, host, nonce}; its mtime is a heartbeat.
// A lock is stale when its process is gone (same host) or its heartbeat stopped (any host),
// and is then broken by renaming it aside and checking that what was moved is the stale lock.
// The store stays consistent even if this ever lets two runs in: the log only takes whole
// appended lines, and coverage is recomputed from the pages themselves.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sleep } from '../progress.js';

export interface LockInfo {
  pid: number;
  host: string;
  nonce: string;
  started: string;
}

export interface LockOptions {
  /** Heartbeat older than this: stale even if the pid looks alive (pid reuse, other host). */
  staleMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** Called once when the lock is held by a live run and we start waiting. */
  onWait?: (holder: LockInfo | null) => void;
  /** Give up waiting after this long (default: wait as long as the holder lives). */
  timeoutMs?: number;
}

export interface Lock {
  release(): void;
}

function readInfo(path: string): { info: LockInfo | null; raw: string; mtimeMs: number } | null {
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let info: LockInfo | null = null;
    try {
      const v = JSON.parse(raw) as LockInfo;
      if (Number.isInteger(v.pid) && typeof v.nonce === 'string') info = v;
    } catch {
      /* being written, or torn by a crash */
    }
    return { info, raw, mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isStale(found: { info: LockInfo | null; mtimeMs: number }, staleMs: number, now = Date.now()): boolean {
  const age = now - found.mtimeMs;
  if (!found.info) return age > Math.min(staleMs, 5000); // creator died between open and write
  if (found.info.host === hostname() && !pidAlive(found.info.pid)) return true;
  return age > staleMs;
}

export async function acquireLock(path: string, opts: LockOptions = {}): Promise<Lock> {
  const staleMs = opts.staleMs ?? 30_000;
  const heartbeatMs = opts.heartbeatMs ?? 2_000;
  const pollMs = opts.pollMs ?? 100;
  const mine: LockInfo = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex'), started: new Date().toISOString() };
  const started = Date.now();
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(mine));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const found = readInfo(path);
    if (!found) continue; // released between our open and read
    if (isStale(found, staleMs)) {
      breakStale(path, found.raw, mine.nonce);
      continue;
    }
    if (!waited) {
      waited = true;
      opts.onWait?.(found.info);
    }
    if (opts.timeoutMs !== undefined && Date.now() - started > opts.timeoutMs) {
      throw new Error(`lock ${path} is held by pid ${found.info?.pid ?? '?'}`);
    }
    await sleep(pollMs);
  }
  const beat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      /* broken by someone who thought us dead: nothing to do but finish */
    }
  }, heartbeatMs);
  beat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      const found = readInfo(path);
      if (found?.info?.nonce === mine.nonce) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
    },
  };
}

function breakStale(path: string, staleRaw: string, nonce: string): void {
  const aside = `${path}.${process.pid}.${nonce}.stale`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke it
    throw err;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    /* vanished: nothing to restore */
  }
  if (moved && moved !== staleRaw) {
    // We moved a fresh lock that replaced the stale one after we looked: put it back.
    try {
      linkSync(aside, path);
    } catch {
      /* a newer lock is already there */
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    /* fine */
  }
}
