// Start-up. `npm run build` also writes the whole CLI as one CommonJS file (dist/feedhealth.cjs)
// and, after running it on the bundled fixtures, V8's code cache for it (dist/feedhealth.cjs.cache):
// the bytecode of every function those runs compiled. Loading that instead of ~55 ES modules,
// each function compiled only when first called, saves 25–70 ms a run (`npm run bench -- single`
// measures both). Without a current bundle the ES modules run, with the same result.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export type Main = (argv: string[]) => Promise<number>;

export const BUNDLE = fileURLToPath(new URL('feedhealth.cjs', import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;

// The cache file: a header naming the bundle it was made from (its size in bytes and the build id
// on its first line, `// feedhealth build <id>`, new at every build), then V8's data. V8 itself
// refuses data from another V8 version or other flags; the header catches a bundle rebuilt
// without its cache, which V8 would not notice. Copying or installing the two keeps them paired.
const MAGIC = 0x32434846; // "FHC2"
const ID_BYTES = 24;
const HEADER = 8 + ID_BYTES;
const BUILD_ID = /^\/\/ feedhealth build (\S{1,24})\n/;

export interface LoadedBundle {
  main: Main;
  /** The compiled bundle, to write its code cache from (see writeCodeCache). */
  script: Script;
  /** Its size in bytes and build id ('' when it has none). */
  stamp: { size: number; id: string };
  /** Whether V8 took the code cache. */
  cached: boolean;
}

/** The bundle's main(), compiled with its code cache when one matches; null without a bundle. */
export function loadBundle(file = BUNDLE, cacheFile = CODE_CACHE): LoadedBundle | null {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return null;
  const source = readFileSync(file, 'utf8');
  const stamp = { size: st.size, id: BUILD_ID.exec(source)?.[1] ?? '' };
  const cachedData = cacheFor(cacheFile, stamp);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (typeof module.exports.main !== 'function') throw new Error(`${file}: not the feedhealth bundle (no main)`);
  return { main: module.exports.main, script, stamp, cached: cachedData !== undefined && !script.cachedDataRejected };
}

const idField = (id: string) => Buffer.from(id.padEnd(ID_BYTES), 'latin1');

/** V8's data from the cache file, when the file was made from this very bundle. */
function cacheFor(cacheFile: string, stamp: LoadedBundle['stamp']): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== stamp.size) return undefined;
  if (!bytes.subarray(8, HEADER).equals(idField(stamp.id))) return undefined;
  return bytes.subarray(HEADER);
}

/** Writes the code cache of a loaded bundle (after running it, so it holds what those runs
 * compiled); returns its size in bytes. */
export function writeCodeCache(loaded: LoadedBundle, cacheFile = CODE_CACHE): number {
  const data = loaded.script.createCachedData();
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(loaded.stamp.size, 4);
  writeFileSync(cacheFile, Buffer.concat([head, idField(loaded.stamp.id), data]));
  return HEADER + data.length;
}

/** Whether the bundle predates the ES modules it was made from (`tsc` run again without the
 * bundling step, as a watch build does): then it is not the code in dist/, and not run. A few
 * seconds' grace: unpacking an installed package writes its files in no particular order. */
export function bundleIsStale(file = BUNDLE, modules = fileURLToPath(new URL('cli.js', import.meta.url))): boolean {
  const bundle = statSync(file, { throwIfNoEntry: false });
  const cli = statSync(modules, { throwIfNoEntry: false });
  return !!bundle && !!cli && cli.mtimeMs > bundle.mtimeMs + STALE_AFTER_MS;
}
const STALE_AFTER_MS = 5_000;

/** The CLI's main(): from the bundle when there is a current one, else from the ES modules.
 * `--debug` runs the ES modules: their stack traces name the module and line that failed, not a
 * line of one long bundle (a debugging run can spare the few tens of milliseconds). */
export async function cliMain(argv: readonly string[] = process.argv): Promise<Main> {
  const loaded = argv.includes('--debug') || bundleIsStale() ? null : loadBundle();
  if (loaded) return loaded.main;
  return (await import('./cli.js')).main;
}
