// Start-up runs the CLI from one bundle with V8's code cache (src/launch.ts). The cache must be
// used only for the bundle it was made from, and a run must give what the ES modules give.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsStale, loadBundle, writeCodeCache } from '../src/launch.js';
import { ROOT } from './helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'feedhealth-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A stand-in bundle: CommonJS exporting main(), with a function that only runs when called, and
// a build id on its first line as the real one has.
function writeBundle(name: string, id = 'test-1'): string {
  const file = join(dir, name);
  writeFileSync(file, `// feedhealth build ${id}\nfunction double(n) { return n * 2; }\nexports.main = async (argv) => double(argv.length);\n`);
  return file;
}

describe('start-up from the bundle and its code cache', () => {
  it('compiles without a cache, then uses the cache written for the bundle', async () => {
    const file = writeBundle('a.cjs');
    const cache = `${file}.cache`;
    const first = loadBundle(file, cache)!;
    expect(first.cached).toBe(false);
    expect(await first.main(['node', 'x', 'y'])).toBe(6);
    expect(first.stamp.id).toBe('test-1');
    expect(writeCodeCache(first, cache)).toBeGreaterThan(32);
    const second = loadBundle(file, cache)!;
    expect(second.cached).toBe(true);
    expect(await second.main(['node'])).toBe(2);
  });

  it('ignores a cache made for another build of the bundle, or damaged', async () => {
    const file = writeBundle('b.cjs', 'build-aaaa');
    const cache = `${file}.cache`;
    writeCodeCache(loadBundle(file, cache)!, cache);
    // Rebuilt: the same code and size, another build id.
    writeBundle('b.cjs', 'build-bbbb');
    const rebuilt = loadBundle(file, cache)!;
    expect(rebuilt.cached).toBe(false);
    expect(await rebuilt.main(['a', 'b'])).toBe(4);
    // Edited after the build: the same id, another size.
    appendFileSync(file, '// edited\n');
    expect(loadBundle(file, cache)!.cached).toBe(false);
    // Made for this very bundle (size and id), but the data is not V8's: V8 refuses it and
    // compiles. (A source this process has not compiled yet: V8 keeps what it compiled.)
    appendFileSync(file, '// again\n');
    const header = readFileSync(cache).subarray(0, 32);
    header.writeUInt32LE(statSync(file).size, 4);
    writeFileSync(cache, Buffer.concat([header, Buffer.alloc(4096, 7)]));
    const damaged = loadBundle(file, cache)!;
    expect(damaged.stamp.id).toBe('build-bbbb');
    expect(damaged.cached).toBe(false);
    expect(await damaged.main(['a'])).toBe(2);
    // A cache file that is not one at all.
    writeFileSync(cache, 'not a cache');
    expect(loadBundle(file, cache)!.cached).toBe(false);
  });

  it('reports no bundle when there is none (the ES modules then run)', () => {
    expect(loadBundle(join(dir, 'missing.cjs'), join(dir, 'missing.cjs.cache'))).toBeNull();
  });

  it('counts a bundle older than the ES modules as stale (tsc run again without bundling)', () => {
    const bundle = writeBundle('stale.cjs');
    const cli = join(dir, 'cli.js');
    writeFileSync(cli, '');
    // utimes takes seconds.
    utimesSync(bundle, 1_000, 1_000);
    utimesSync(cli, 1_060, 1_060);
    expect(bundleIsStale(bundle, cli)).toBe(true);
    utimesSync(bundle, 1_100, 1_100);
    expect(bundleIsStale(bundle, cli)).toBe(false);
    // Unpacked from a package, files are written moments apart in any order: not stale.
    utimesSync(cli, 1_100.02, 1_100.02);
    expect(bundleIsStale(bundle, cli)).toBe(false);
    expect(bundleIsStale(join(dir, 'missing.cjs'), cli)).toBe(false);
  });

  it('refuses a file that is not the CLI bundle', () => {
    const file = join(dir, 'other.cjs');
    writeFileSync(file, 'exports.notMain = 1;\n');
    expect(() => loadBundle(file, `${file}.cache`)).toThrow(/not the feedhealth bundle/);
  });

  it('builds a bundle whose cache is taken, and which reports exactly as the ES modules do', () => {
    const bundle = join(ROOT, 'dist', 'feedhealth.cjs');
    expect(existsSync(bundle), 'npm run build writes dist/feedhealth.cjs').toBe(true);
    const cachedFlag = execFileSync(process.execPath, ['--input-type=module', '-e', `const L = await import(${JSON.stringify(join(ROOT, 'dist', 'launch.js'))}); console.log(L.loadBundle().cached)`], { encoding: 'utf8' });
    expect(cachedFlag.trim()).toBe('true');
    const fixture = join(ROOT, 'fixtures', 'acmecare.jsonl');
    const viaBundle = execFileSync(process.execPath, [join(ROOT, 'bin', 'feedhealth.js'), 'audit', fixture, '--json'], { encoding: 'utf8' });
    const viaModules = execFileSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))}); process.exitCode = await main(['node', 'feedhealth', 'audit', ${JSON.stringify(fixture)}, '--json']);`], { encoding: 'utf8' });
    expect(viaBundle).toBe(viaModules);
    expect(JSON.parse(viaBundle).handle).toBe('AcmeCare');
  });

  it('runs the ES modules under --debug, so a stack trace names the module that failed', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'feedhealth.js'), ...args, 'audit', 'no-such-feed.jsonl'], { encoding: 'utf8' });
    const plain = run();
    expect(plain.status).toBe(2);
    expect(plain.stderr).toBe('feedhealth: no-such-feed.jsonl: no such file\n');
    const debug = run('--debug');
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/\bat loadFile \(.*dist[\\/]sources[\\/]\w+\.js:\d+:\d+\)/);
    expect(debug.stderr).not.toContain('feedhealth.cjs');
  });
});
