// Where a single-handle audit's time goes: each step of `audit <feed> --json` timed with
// performance.now() in a fresh process (a cold start, as a user's run is), for the canned and
// varied feeds of the single-handle bench. Medians of `runs` processes.
import { execFileSync } from 'node:child_process';
import { ensureFeeds } from './scale.js';

const ROOT = new URL('..', import.meta.url).pathname;
const dist = (m) => JSON.stringify(new URL(`../dist/${m}`, import.meta.url).href);

// The steps auditSource and the CLI take for a file, without the option parsing.
const script = (file) => `
  const T0 = performance.now();
  const { loadFile } = await import(${dist('sources/detect.js')});
  const { auditBrands } = await import(${dist('audit.js')});
  const { reportFromState } = await import(${dist('summary.js')});
  const { renderJson } = await import(${dist('render/json.js')});
  await import(${dist('cli.js')});
  const t0 = performance.now();
  const tl = loadFile(${JSON.stringify(file)});
  const t1 = performance.now();
  const audits = auditBrands(tl, { file: 'feed' });
  const t2 = performance.now();
  const reports = audits.map((a) => reportFromState(a.state, { file: 'feed', format: tl.format }, a.replies));
  const t3 = performance.now();
  Buffer.from(renderJson(reports));
  const t4 = performance.now();
  // The same replies again, now that the code is warm: what the first pass paid for warming up.
  let warm = Infinity;
  for (let i = 0; i < 5; i++) {
    const w0 = performance.now();
    auditBrands(tl, { file: 'feed' });
    warm = Math.min(warm, performance.now() - w0);
  }
  console.log(JSON.stringify({ start: T0, modules: t0 - T0, read: t1 - t0, classifyAndFold: t2 - t1, report: t3 - t2, json: t4 - t3, warmClassifyAndFold: warm }));`;

export async function benchPhases({ runs = 5 } = {}) {
  const feeds = ensureFeeds();
  const out = {};
  for (const [kind, file] of Object.entries(feeds)) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script(file)], { cwd: ROOT, encoding: 'utf8' })));
    const med = (k) => all.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs / 2)];
    out[kind] = Object.fromEntries(Object.keys(all[0]).map((k) => [k, med(k)]));
  }
  return { runs, phases: out };
}

export function formatPhases(r) {
  const row = (kind) => {
    const p = r.phases[kind];
    return `  ${kind.padEnd(7)} node start ${p.start.toFixed(0).padStart(4)}   modules ${p.modules.toFixed(0).padStart(4)}   read ${p.read.toFixed(0).padStart(4)}   classify+fold ${p.classifyAndFold.toFixed(0).padStart(4)} (warm ${p.warmClassifyAndFold.toFixed(0)})   report ${p.report.toFixed(0).padStart(4)}   JSON ${p.json.toFixed(0).padStart(4)}  (ms)`;
  };
  return [`single-handle audit by step — 3,200 tweets, fresh process each, medians of ${r.runs}`, row('canned'), row('varied')].join('\n');
}
