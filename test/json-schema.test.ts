// The committed JSON Schemas (schema/report.schema.json, schema/compare.schema.json, draft 2020-12)
// describe what the real binary prints: every bundled fixture, the shared corpus, --tz and compare
// validate with Ajv; the schemas name every field printed (so they cannot go stale); and they
// reject broken documents.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, inParallel, runCli, runCliAsync, type CliResult } from './helpers/cli.js';
import { abs, corpus, CORPUS, fixture, hasCorpus } from './helpers/paths.js';
import { closed, newAjv, schemaErrors, schemaOf, undescribedFields, type Json, type SchemaName } from './helpers/json-schema.js';
import { documentProblems } from './helpers/report-shape.js';
import { summarize } from '../src/report.js';
import { plus, reply } from './support/replies.js';

/** Every bundled input `audit` reads: fixtures/*.jsonl, *.json, *.csv and the archive folders. */
const FIXTURES = readdirSync(abs('fixtures'))
  .filter((f) => /\.(jsonl|json|csv)$/.test(f) || (f.startsWith('archive') && statSync(abs(fixture(f))).isDirectory()))
  .sort()
  .map(fixture);
const CORPUS_FILES = hasCorpus
  ? [...readdirSync(corpus('x-api-v2')).sort().map((f) => corpus(`x-api-v2/${f}`)), corpus('twcs/kaggle-sample.csv'), corpus('twcs/head-1000.csv')]
  : [];
const TZ_RUN = ['audit', fixture('acmecare.jsonl'), '--json', '--tz', 'Europe/London'];
const COMPARE_RUN = ['compare', fixture('acmecare.jsonl'), fixture('bare-tweets.jsonl'), '--json'];
const SUMMARY_RUNS = [['audit', fixture('twcs-sample.csv'), '--summary-only', '--json'], ['audit', fixture('acmecare.jsonl'), '--summary-only', '--json']];

const runs = new Map<string, CliResult>();
const key = (args: string[]) => args.join(' ');
const ran = (args: string[]) => {
  const r = runs.get(key(args));
  if (!r) throw new Error(`not run: ${key(args)}`);
  return r;
};
const audit = (source: string) => ['audit', source, '--json'];

// Every run the file needs, once, a few at a time.
beforeAll(async () => {
  ensureBuilt();
  const all = [...[...FIXTURES, ...CORPUS_FILES].map(audit), TZ_RUN, COMPARE_RUN, ...SUMMARY_RUNS];
  const results = await inParallel(all.map((args) => () => runCliAsync(args)));
  all.forEach((args, i) => runs.set(key(args), results[i]));
}, 180_000);

/** The document on stdout of a clean run. */
function docOf(r: CliResult): Json {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Valid against the schema (with the cross-field checks for reports), and every field described. */
function expectValid(name: SchemaName, doc: Json): void {
  if (name === 'report') expect(documentProblems(doc)).toEqual([]);
  else expect(schemaErrors(name, doc)).toEqual([]);
  expect(undescribedFields(name, doc), `fields printed but not described in schema/${name}.schema.json`).toEqual([]);
}

describe('the schema files', () => {
  it.each(['report', 'compare'] as const)('schema/%s.schema.json is a valid draft 2020-12 schema under strict Ajv', (name) => {
    const schema = schemaOf(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = newAjv();
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
    expect(() => newAjv().compile(schema)).not.toThrow();
    expect(() => newAjv().compile(closed(schema))).not.toThrow();
  });

  it.each(['report', 'compare'] as const)('schema/%s.schema.json describes every field it names', (name) => {
    const schema = schemaOf(name);
    const defs = schema.$defs as Record<string, Json>;
    const undescribed: string[] = [];
    // A field may lean on its definition's description only when that names a concept (a score, a
    // label, the source), not a bare unit like a count or a share.
    const GENERIC = new Set(['count', 'share', 'seconds', 'tweetId', 'timestamp']);
    const describedRef = (s: Json) => {
      const def = typeof s.$ref === 'string' ? s.$ref.replace('#/$defs/', '') : '';
      return def !== '' && !GENERIC.has(def) && typeof defs[def]?.description === 'string';
    };
    const walk = (s: Json, at: string): void => {
      if (Array.isArray(s)) return s.forEach((x, i) => walk(x, `${at}[${i}]`));
      if (typeof s !== 'object' || s === null) return;
      if (s.properties && typeof s.properties === 'object')
        for (const [k, p] of Object.entries(s.properties as Record<string, Json>)) {
          // Properties inside if/then/else only restate fields described beside them.
          if (!/\/(if|then|else)\b/.test(at) && typeof p.description !== 'string' && !describedRef(p)) undescribed.push(`${at}/properties/${k}`);
        }
      for (const [k, v] of Object.entries(s)) if (k !== 'const' && k !== 'enum' && k !== 'examples') walk(v, `${at}/${k}`);
    };
    walk(schema, '#');
    expect(undescribed).toEqual([]);
    for (const [k, d] of Object.entries(defs)) expect(typeof d.description === 'string' || typeof d.title === 'string', `$defs/${k}`).toBe(true);
  });

  it('gives the pieces both documents share the same definition in both files', () => {
    const report = schemaOf('report').$defs as Record<string, Json>;
    const compare = schemaOf('compare').$defs as Record<string, Json>;
    const shared = Object.keys(compare).filter((k) => k in report);
    expect(shared).toEqual(expect.arrayContaining(['schemaVersion', 'grade', 'share', 'seconds', 'scoreValue', 'labelShares', 'source']));
    for (const k of shared) expect(compare[k], `$defs/${k}`).toEqual(report[k]);
  });
});

describe('audit --json validates against schema/report.schema.json', () => {
  it('covers every bundled fixture', () => {
    expect(FIXTURES).toEqual(expect.arrayContaining(['fixtures/acmecare.jsonl', 'fixtures/acmecare-page.json', 'fixtures/bare-tweets.jsonl', 'fixtures/twcs-sample.csv', 'fixtures/archive', 'fixtures/archive-2019']));
  });

  it.each(FIXTURES)('audit %s --json', (source) => {
    expectValid('report', docOf(ran(audit(source))));
  });

  it('with --tz Europe/London, counting hours and weeks in that zone', () => {
    const doc = docOf(ran(TZ_RUN));
    expectValid('report', doc);
    expect(doc.metrics.timeZone).toBe('Europe/London');
  });

  it('for a multi-brand source, as {schemaVersion, source, brands}', () => {
    const doc = docOf(ran(audit(fixture('twcs-sample.csv'))));
    expect(doc.brands.length).toBeGreaterThan(1);
    expect(schemaErrors('report', doc)).toEqual([]);
  });
});

describe('summary documents (audit --summary-only --json) validate against schema/report.schema.json', () => {
  it.each(SUMMARY_RUNS.map((r) => [r.join(' '), r]))('%s', (_name, args) => {
    const doc = docOf(ran(args as string[]));
    expect(doc.kind).toBe('feedhealth-summary');
    expect(schemaErrors('report', doc)).toEqual([]);
    expect(undescribedFields('report', doc)).toEqual([]);
    for (const b of doc.brands) {
      expect(b.replies).toEqual([]);
      expect(typeof b.state).toBe('object');
    }
  });

  it('rejects a summary whose brand carries replies or lacks its state', () => {
    const doc = docOf(ran(SUMMARY_RUNS[0]));
    const withReplies = structuredClone(doc);
    withReplies.brands[0].replies = [{ id: '1' }];
    expect(schemaErrors('report', withReplies).length).toBeGreaterThan(0);
    const stateless = structuredClone(doc);
    delete stateless.brands[0].state;
    expect(schemaErrors('report', stateless).length).toBeGreaterThan(0);
  });
});

describe.runIf(hasCorpus)(`audit --json over the shared corpus (${CORPUS})`, () => {
  it.each(CORPUS_FILES.filter((f) => f.includes('/x-api-v2/')))('%s: valid, or refused as holding no tweets', (file) => {
    const r = ran(audit(file));
    if (r.code === 0) return expectValid('report', docOf(r));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no tweets/);
  });

  it('audits most of the X API payloads (timelines, mentions, searches)', () => {
    const ok = CORPUS_FILES.filter((f) => f.includes('/x-api-v2/') && ran(audit(f)).code === 0);
    expect(ok.length).toBeGreaterThanOrEqual(4);
  });

  it.each(['twcs/kaggle-sample.csv', 'twcs/head-1000.csv'])('%s, every brand', (rel) => {
    const doc = docOf(ran(audit(corpus(rel))));
    expectValid('report', doc);
    expect(doc.brands.length).toBeGreaterThan(1);
  });
});

describe('compare --json validates against schema/compare.schema.json', () => {
  it(`${COMPARE_RUN.join(' ')}`, () => {
    const doc = docOf(ran(COMPARE_RUN));
    expectValid('compare', doc);
    expect(schemaErrors('report', doc)).not.toEqual([]); // and is told apart from an audit document
    // Both a brand with every figure and one without response times or follower counts.
    expect(doc.brands.map((b: Json) => b.medianResponseSeconds === null)).toEqual(expect.arrayContaining([true, false]));
  });
});

describe('reports from the pure core validate too, down to their null branches', () => {
  const T = '2026-03-02T09:00:00.000Z';
  const source = { file: 'x.jsonl', format: 'v2' };
  const report = (replies: ReturnType<typeof reply>[]) =>
    JSON.parse(JSON.stringify(summarize({ account: { handle: 'Brand' }, tweets: replies.map((r) => r.tweet), replies, source })));

  it('with no replies: score null and a note, every figure null and explained', () => {
    const doc = report([]);
    expect(doc.score).toBeNull();
    expectValid('report', doc);
  });

  it('with only `other` replies: score null and a note', () => {
    const doc = report([reply({ label: 'other', at: T, askedAt: T }), reply({ label: 'other', at: plus(T, 3), askedAt: T })]);
    expect(doc.score).toBeNull();
    expectValid('report', doc);
  });

  it('with undated replies to unknown tweets: createdAt, inReplyTo and window null', () => {
    const doc = report([reply({ askedAt: null }), reply({ label: 'blaming' })]);
    expect(doc.window).toBeNull();
    expect(doc.replies.map((r: Json) => r.createdAt)).toEqual([null, null]);
    expectValid('report', doc);
  });

  it('with follower counts, timed replies and several weeks', () => {
    const doc = report([
      reply({ at: plus(T, 5), askedAt: T, followers: 120, authorName: 'Sarah K' }),
      reply({ at: plus(T, 60 * 24 * 15), askedAt: plus(T, 60 * 24 * 15 - 90), followers: 0, label: 'deflecting' }),
    ]);
    expect(doc.metrics.weeklyTrend.weeks.map((w: Json) => w.score)).toContain(null);
    expectValid('report', doc);
  });
});

describe('the schemas have teeth', () => {
  let base: Json;
  let cmp: Json;
  beforeAll(() => {
    base = docOf(ran(audit(fixture('acmecare.jsonl'))));
    cmp = docOf(ran(COMPARE_RUN));
  });
  const copy = (x: Json): Json => structuredClone(x);
  /** The errors name `path` and `keyword` (Ajv also reports the other oneOf branch; that is fine). */
  const expectRejected = (name: SchemaName, doc: Json, path: string, keyword: string) => {
    const errors = schemaErrors(name, doc);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toContain(`${path} ${keyword}`);
  };

  it('rejects a report missing counts.blaming', () => {
    const doc = copy(base);
    delete doc.counts.blaming;
    expectRejected('report', doc, '/counts', 'required');
  });

  it('rejects a reply labeled "angry"', () => {
    const doc = copy(base);
    doc.replies[0].label = 'angry';
    expectRejected('report', doc, '/replies/0/label', 'enum');
  });

  it('rejects a score of 140', () => {
    const doc = copy(base);
    doc.score.value = 140;
    expectRejected('report', doc, '/score/value', 'maximum');
  });

  it('rejects the same faults inside a multi-brand document', () => {
    const doc = docOf(ran(audit(fixture('twcs-sample.csv'))));
    delete doc.brands[1].counts.blaming;
    expectRejected('report', doc, '/brands/1/counts', 'required');
  });

  it('rejects a null score without a note, a note beside a score, and a null figure nobody explains', () => {
    const noNote = copy(base);
    noNote.score = null;
    expectRejected('report', noNote, '', 'required');
    const stray = copy(base);
    stray.note = 'why';
    expectRejected('report', stray, '', 'not');
    const unexplained = copy(base);
    unexplained.metrics.exposure = null;
    expectRejected('report', unexplained, '/metrics/unavailable', 'required');
  });

  it('rejects a compare row graded "E" or missing its rank', () => {
    const doc = copy(cmp);
    doc.brands[0].grade = 'E';
    delete doc.brands[1].rank;
    expectRejected('compare', doc, '/brands/0/grade', 'enum');
    expectRejected('compare', doc, '/brands/1', 'required');
  });

  it('notices a field the schema does not describe', () => {
    const doc = copy(base);
    doc.metrics.responseTime.meanSeconds = 1234;
    doc.metrics.sentiment = { positiveShare: 0.5 };
    expect(schemaErrors('report', doc)).toEqual([]); // allowed: scripts must not break on new fields
    expect(undescribedFields('report', doc).sort()).toEqual(['/metrics/responseTime/meanSeconds', '/metrics/sentiment']);
  });
});

describe.runIf(spawnSync('jq', ['--version']).status === 0)('the jq examples in docs/json-schema.md', () => {
  // Each ```console block: "$ feedhealth <args> | jq …", then the exact output.
  const blocks = [...readFileSync(abs('docs/json-schema.md'), 'utf8').matchAll(/```console\n\$ feedhealth (.+?) \| (jq .+)\n([\s\S]*?)```/g)];

  it('exist', () => expect(blocks.length).toBeGreaterThanOrEqual(2));

  it.each(blocks.map((m) => [m[1], m[2], m[3]]))('feedhealth %s | %s', (args, jq, expected) => {
    const argv = args.split(/\s+/);
    const r = runs.get(key(argv)) ?? runCli(argv);
    docOf(r); // a clean run
    const out = spawnSync('sh', ['-c', jq], { input: r.stdout, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout, 'update the example in docs/json-schema.md').toBe(expected);
  });
});
