// Writing results: stdout, or a file written whole (temp file + rename) so a failure never
// leaves half a report behind.
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { InputError } from './errors.js';

export async function emit(text: string, file?: string): Promise<void> {
  if (file && file !== '-') {
    await withSignalsHeld(() => {
      try {
        writeWhole(file, text);
      } catch (err) {
        throw new InputError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
      }
    });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Runs a synchronous write with Ctrl-C (SIGINT) and SIGTERM held: one that arrives meanwhile
 * takes effect once the file is renamed into place, so none leaves a temporary file behind.
 */
export async function withSignalsHeld(write: () => void): Promise<void> {
  const held: NodeJS.Signals[] = [];
  const hold = (sig: NodeJS.Signals) => held.push(sig);
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  try {
    write();
  } finally {
    // A signal that came during the write is handed over when the event loop next polls: wait
    // out one full turn (check → poll → check).
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
    if (held.length) process.kill(process.pid, held[0]); // now with its usual effect
  }
}

/**
 * A regular file is written beside itself and renamed into place; through a symlink, the file it
 * points to is (keeping its permissions). Anything else that exists — a device such as /dev/null,
 * a named pipe — is written to directly: renaming over it would replace it with a file.
 */
function writeWhole(file: string, text: string): void {
  let target = file;
  let mode: number | undefined;
  const st = statSync(file, { throwIfNoEntry: false });
  if (st) {
    if (!st.isFile()) {
      writeFileSync(file, text);
      return;
    }
    target = realpathSync(file);
    mode = st.mode & 0o7777;
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Colors only for a terminal, and never when NO_COLOR is set; FORCE_COLOR wins. */
export function stdoutHasColor(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return !!process.stdout.isTTY;
}
