// Progress for long jobs (live fetches, big files), on stderr and only when stderr is a terminal:
// one status line rewritten in place (pages and tweets, rate-limit countdown, rows read). stdout
// is never touched.
// `--debug` traces are separate: they are asked for, so they print whatever stderr is.
import { statSync } from 'node:fs';
import { clipText } from './text.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export class Progress {
  private live = false;
  readonly enabled: boolean;
  private readonly debugOn: boolean;

  constructor(
    private readonly stream: ProgressStream = process.stderr,
    opts: { enabled?: boolean; debug?: boolean } = {},
  ) {
    this.enabled = opts.enabled ?? !!stream.isTTY;
    this.debugOn = opts.debug ?? false;
  }

  /** Rewrites the status line. */
  status(text: string): void {
    if (!this.enabled) return;
    const width = Math.max(20, (this.stream.columns || 100) - 1); // 0 columns: unknown
    this.stream.write(`\r\x1b[K${clipText(text, width)}`);
    this.live = true;
  }

  /** A line that stays (a summary, a warning), printed above the status line. */
  note(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(`${text}\n`);
  }

  /** Request traces for --debug: printed whatever stderr is. */
  debug(text: string): void {
    if (!this.debugOn) return;
    this.clear();
    this.stream.write(`debug: ${text}\n`);
  }

  clear(): void {
    if (this.live) this.stream.write('\r\x1b[K');
    this.live = false;
  }

  /** Sleeps until `untilMs`, showing a countdown (once a second) when enabled. */
  async countdown(untilMs: number, label: string, now: () => number = Date.now): Promise<void> {
    for (;;) {
      const left = untilMs - now();
      if (left <= 0) break;
      this.status(`waiting ${clock(left)} — ${label}`);
      await sleep(Math.min(left, 1000));
    }
    this.clear();
  }
}

/** A file's size in bytes, 0 when it cannot be read (how far into it a reading is; whether it is big). */
export function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** " (43%)": how far into a file of `size` bytes a reading is; '' when the size is unknown. */
export const shareRead = (bytesRead: number, size: number) => (size > 0 ? ` (${Math.min(100, Math.floor((100 * bytesRead) / size))}%)` : '');

/** When the status line of a file read in chunks is due (at most four times a second), and what
 * it reports: the file's size and the time since the reading began. */
export class ReadingPace {
  readonly size: number;
  private readonly started = Date.now();
  private shown = 0;

  constructor(
    private readonly progress: Progress | undefined,
    file: string,
  ) {
    this.size = progress?.enabled ? fileBytes(file) : 0;
  }

  /** Whether to show the status line now (only on a terminal). */
  due(): boolean {
    if (!this.progress?.enabled || Date.now() - this.shown < 250) return false;
    this.shown = Date.now();
    return true;
  }

  elapsedMs(): number {
    return Date.now() - this.started;
  }
}

/** 75 s → "1:15", 3,700 s → "1:01:40". */
export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
