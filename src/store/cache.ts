// The local store of fetched pages: one append-only JSONL log per handle, under
// $FEEDHEALTH_CACHE_DIR, else $XDG_CACHE_HOME/feedhealth, else ~/.cache/feedhealth.
//
//   <root>/timelines/<handle>/pages.jsonl   raw pages, one a line, each with __feedhealth metadata
//   <root>/timelines/<handle>/lock          held while a run syncs this handle (see lock.ts)
//
// Consistency rules:
//  - a page is appended as one complete line by a single write on an O_APPEND descriptor,
//    then fsync'd, before the next page is requested: a run killed mid-fetch keeps every
//    page it received, and concurrent appenders never interleave inside a line;
//  - readers take every line that parses and ignore the rest (a torn last line after a
//    crash); the next append starts on a fresh line if the last one was torn;
//  - the only rewrite (--refresh dropping old pages) writes a temp file, fsyncs it and
//    renames it over the log, so readers see the old log or the new one, never a mix;
//  - what the store holds is derived from the pages alone (coverage.ts): there is no
//    separate index that could disagree with them.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from '../errors.js';
import { acquireLock, pidAlive, type Lock, type LockOptions } from './lock.js';

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FEEDHEALTH_CACHE_DIR) return env.FEEDHEALTH_CACHE_DIR;
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says relative paths are invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return join(xdg, 'feedhealth');
  return join(homedir(), '.cache', 'feedhealth');
}

export interface StoredLine {
  /** The line as stored (no newline). */
  line: string;
  value: unknown;
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here: the data itself is already synced */
  }
}

const fsFail = (what: string, path: string, err: unknown) =>
  new InputError(`cannot ${what} the cache at ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); set FEEDHEALTH_CACHE_DIR to a writable folder`);

export class TimelineStore {
  readonly dir: string;
  readonly logPath: string;
  readonly lockPath: string;

  constructor(root: string, handle: string) {
    this.dir = join(root, 'timelines', handle.toLowerCase());
    this.logPath = join(this.dir, 'pages.jsonl');
    this.lockPath = join(this.dir, 'lock');
  }

  ensureDir(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      throw fsFail('create', this.dir, err);
    }
  }

  /** Every complete record in log order; `skipped` counts lines that did not parse (torn or foreign). */
  read(): { lines: StoredLine[]; skipped: number } {
    let text: string;
    try {
      text = readFileSync(this.logPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], skipped: 0 };
      throw fsFail('read', this.logPath, err);
    }
    const lines: StoredLine[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const value = JSON.parse(line) as unknown;
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) lines.push({ line, value });
        else skipped++;
      } catch {
        skipped++;
      }
    }
    return { lines, skipped };
  }

  /** Appends one record as one line: a single write, then fsync. `line` must not contain a newline. */
  append(line: string): void {
    if (line.includes('\n')) throw new Error('a stored record must be one line');
    let fd: number;
    try {
      fd = openSync(this.logPath, 'a+');
    } catch (err) {
      throw fsFail('write', this.logPath, err);
    }
    try {
      const size = fstatSync(fd).size;
      let lead = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) lead = '\n'; // a torn line from a crash: start clean
      }
      writeAll(fd, Buffer.from(`${lead}${line}\n`, 'utf8'));
      fsyncSync(fd);
      if (size === 0) fsyncDir(this.dir);
    } catch (err) {
      throw fsFail('write', this.logPath, err);
    } finally {
      closeSync(fd);
    }
  }

  /** Replaces the whole log atomically (temp file, fsync, rename). Call with the lock held. */
  replace(lines: string[]): void {
    const tmp = `${this.logPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const fd = openSync(tmp, 'w');
      try {
        writeAll(fd, Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.logPath);
      fsyncDir(this.dir);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw fsFail('rewrite', this.logPath, err);
    }
  }

  /** Temp files of rewrites and lock breaks whose process died before cleaning up. */
  sweep(): void {
    try {
      for (const f of readdirSync(this.dir)) {
        const m = /^(?:pages\.jsonl|lock)\.(\d+)\.[0-9a-f]+\.(?:tmp|stale)$/.exec(f);
        if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(this.dir, f), { force: true });
      }
    } catch {
      /* best effort */
    }
  }

  async lock(opts?: LockOptions): Promise<Lock> {
    this.ensureDir();
    try {
      return await acquireLock(this.lockPath, opts);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code) throw fsFail('lock', this.lockPath, err);
      throw new InputError(`${(err as Error).message}: another feedhealth run is syncing this handle`);
    }
  }
}
