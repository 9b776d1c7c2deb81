#!/usr/bin/env node
// The second step of `npm run build` (after tsc): the CLI as one CommonJS file,
// dist/feedhealth.cjs, and V8's code cache for it, dist/feedhealth.cjs.cache, made by running the
// bundle on the bundled fixtures in every report format so the cache holds the code those runs
// compile (see src/launch.ts for why and how it is loaded).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE, CODE_CACHE, loadBundle, writeCodeCache } from '../dist/launch.js';

const ROOT = new URL('..', import.meta.url).pathname;

await build({
  entryPoints: [join(ROOT, 'dist', 'cli.js')],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The live client loads only for live audits: kept out, required when needed.
  external: ['twitter-api-v2'],
  // Every module of the bundle finds files from the bundle's own place (src/paths.ts).
  define: { 'import.meta.url': '__feedhealthBundleUrl' },
  // A new build id each time: the code cache names the bundle it belongs to by it (src/launch.ts).
  banner: { js: `// feedhealth build ${Date.now().toString(36)}-${randomBytes(4).toString('hex')}\nvar __feedhealthBundleUrl = require("node:url").pathToFileURL(__filename).href;` },
  // import() of a bundled module becomes a require: a vm.Script cannot import().
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
});

// Compile afresh (no cache), run, then keep what was compiled.
rmSync(CODE_CACHE, { force: true });
const loaded = loadBundle();
const out = mkdtempSync(join(tmpdir(), 'feedhealth-build-'));
try {
  const runs = [
    ['audit', 'fixtures/acmecare.jsonl', '--json'],
    ['audit', 'fixtures/acmecare.jsonl'],
    ['audit', 'fixtures/acmecare.jsonl', '--format', 'md'],
    ['audit', 'fixtures/acmecare.jsonl', '--format', 'html'],
    ['audit', 'fixtures/twcs-sample.csv', '--json'],
    ['audit', 'fixtures/twcs-sample.csv', '--top', '3'],
  ];
  for (const [i, args] of runs.entries()) {
    const code = await loaded.main(['node', 'feedhealth', ...args.map((a) => (a.startsWith('fixtures/') ? join(ROOT, a) : a)), '-o', join(out, `run-${i}`)]);
    if (code !== 0) throw new Error(`bundle: feedhealth ${args.join(' ')} exited ${code}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const bytes = writeCodeCache(loaded);
console.error(`bundle: ${BUNDLE.slice(ROOT.length)} and its code cache (${Math.round(bytes / 1024)} KB)`);
