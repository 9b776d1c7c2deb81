// Writing results: stdout, or a file written whole (temp file + rename) so a failure never
// leaves half a report behind.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from './errors.js';

export async function emit(text: string, file?: string): Promise<void> {
  if (file && file !== '-') {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw new InputError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Colors only for a terminal, and never when NO_COLOR is set; FORCE_COLOR wins. */
export function stdoutHasColor(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR) return false;
  return !!process.stdout.isTTY;
}
