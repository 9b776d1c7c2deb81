// Where the tests find the repository, its bundled fixtures, the bad inputs and the shared corpus.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'feedhealth.js');

/** A bundled fixture, as a path relative to the repository root (how the README shows them). */
export const fixture = (name: string) => `fixtures/${name}`;
export const bad = (name: string) => `test/fixtures/bad/${name}`;
export const abs = (rel: string) => join(ROOT, rel);

/** The shared real-world corpus (read-only; parser inputs only), which sits beside the repository
 * on the project's machines and in CI. Absent elsewhere: tests that need it are skipped. */
export const CORPUS = process.env.FEEDHEALTH_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
export const corpus = (rel: string) => join(CORPUS, rel);
export const hasCorpus = existsSync(join(CORPUS, 'x-api-v2'));

/** Ids and handles the bundled fixtures were written with. */
export const BRANDS = {
  acme: { id: '1200000000000000001', handle: 'AcmeCare' },
  nimbus: { id: '1534829017362358273', handle: 'NimbusHelp' },
  parcelpal: { id: '1622093817450385408' },
  brightbank: { id: '1098234576128761856', handle: 'BrightBankHelp' },
  oldair: { id: '883920146', handle: 'OldAirHelp' },
} as const;
