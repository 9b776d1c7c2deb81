// Runs the real built binary the way a user does, and builds it first when dist/ is older than src/.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
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

const spawnOptions = (env: Record<string, string>) => ({
  cwd: ROOT,
  encoding: 'utf8' as const,
  env: { ...process.env, FORCE_COLOR: '0', ...env },
  timeout: 30_000,
  maxBuffer: 256 * 1024 * 1024,
});

/** `node bin/feedhealth.js …args` from the repository root, no colours, no TTY; `as` runs it as
 * another user (only root may). */
export function runCli(args: string[], env: Record<string, string> = {}, as?: { uid: number; gid: number }): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { ...spawnOptions(env), ...as });
  if (r.error) throw r.error;
  // A run ended by a signal says which in its stderr, so a failed assertion names it.
  return { code: r.status, stdout: r.stdout, stderr: r.signal ? `${r.stderr}[ended by ${r.signal}]` : r.stderr };
}

/** `runCli` without blocking, so independent runs can overlap. */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], spawnOptions(env), (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      if (err && code === null) return reject(err); // could not run, or killed by the timeout
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `jobs` at most `width` at a time; results in the order given. */
export async function inParallel<T>(jobs: (() => Promise<T>)[], width = 4): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
  return out;
}

/** Lines of stderr, without the final newline's empty string. */
export const stderrLines = (r: CliResult) => r.stderr.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));

/** `nobody`, for checks root cannot make as itself (root reads chmod 000 files). */
export const NOBODY = { uid: 65534, gid: 65534 };
