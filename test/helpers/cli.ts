// Runs the real built binary the way a user does, and builds it first when dist/ is older than src/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from './paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npx tsc -p .` when dist/cli.js is missing or older than anything under src/. Type errors elsewhere
 * in the tree do not stop tsc from emitting, so they are reported but do not fail the CLI tests. */
export function ensureBuilt(): void {
  const out = join(ROOT, 'dist', 'cli.js');
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  try {
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    if (!existsSync(out)) throw new Error(`build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    console.warn(`tsc reported errors (dist was still emitted):\n${e.stdout ?? ''}`);
  }
}

/** `node bin/feedhealth.js …args` from the repository root, no colours, no TTY; `as` runs it as
 * another user (only root may). */
export function runCli(args: string[], env: Record<string, string> = {}, as?: { uid: number; gid: number }): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    timeout: 30_000,
    ...as,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lines of stderr, without the final newline's empty string. */
export const stderrLines = (r: CliResult) => r.stderr.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));

/** `nobody`, for checks root cannot make as itself (root reads chmod 000 files). */
export const NOBODY = { uid: 65534, gid: 65534 };
