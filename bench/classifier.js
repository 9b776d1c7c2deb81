// Classifier speed: replies/s of feedhealth's classify() on a real-shaped mix (the labeled
// replies, each with the tweet it answers), beside natural's BayesClassifier trained on the same
// texts and run on the same texts in the same process; plus the time to load the shipped model.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = new URL('..', import.meta.url).pathname;

function labeledMix() {
  const dir = join(ROOT, 'fixtures', 'labeled');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
}

/** Calls fn over the items repeatedly for at least `ms`; returns items per second. */
function rate(items, fn, ms) {
  for (let i = 0; i < Math.min(items.length, 2000); i++) fn(items[i]); // warm up the JIT
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) for (const it of items) { fn(it); n++; }
  return n / ((performance.now() - t0) / 1000);
}

/**
 * First use of every phrase pattern (two runs each: V8 compiles to bytecode, then to machine
 * code), in a fresh process so no compiled regex is cached: as written in the lexicon, and as run
 * (word-end \b rewritten). Median of five processes each.
 */
function patternCompileMs(form) {
  const script = `
    const L = await import(${JSON.stringify(new URL('../dist/classify/lexicon.js', import.meta.url).href)});
    const text = "we've refunded the charge today; it will show in 3-5 working days. please dm us your account number";
    /\\bwarm(?:up|ed)\\b/.exec(text);
    let ms = 0;
    for (const list of Object.values(L)) for (const p of list?.patterns ?? []) {
      const re = p.${form};
      const t0 = performance.now(); re.exec(text); re.exec(text); ms += performance.now() - t0;
    }
    console.log(ms);`;
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  return runs.sort((a, b) => a - b)[2];
}

export async function benchClassifier({ ms = 3000 } = {}) {
  const mix = labeledMix();
  const avgLen = Math.round(mix.reduce((s, e) => s + e.text.length, 0) / mix.length);

  // Model load: read and unpack the shipped packed model (what the first classify() pays), and
  // for comparison read, parse and index its readable JSON form. The first load of each is the
  // cold one a CLI run pays; the median is warm.
  const { LinearModel } = await import('../dist/classify/model.js');
  const time = (fn) => {
    const ms = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      fn();
      ms.push(performance.now() - t0);
    }
    const first = ms[0];
    ms.sort((a, b) => a - b);
    return { first, median: ms[3], max: ms[6] };
  };
  const loads = time(() => LinearModel.unpack(readFileSync(join(ROOT, 'models', 'classifier.bin'))));
  const jsonLoads = time(() => new LinearModel(JSON.parse(readFileSync(join(ROOT, 'models', 'classifier.json'), 'utf8'))));

  const { classify } = await import('../dist/classify/index.js');
  const ours = rate(mix, (e) => classify({ text: e.text }, e.inReplyToText ? { text: e.inReplyToText } : null), ms);

  // The baseline: natural's BayesClassifier (narrow import: the package index loads storage
  // modules that print to stdout), trained on the same labeled texts.
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
  const bayes = new BayesClassifier();
  for (const e of mix) bayes.addDocument(e.text, e.label);
  bayes.train();
  const theirs = rate(mix, (e) => bayes.classify(e.text), ms);

  const compile = { written: patternCompileMs('written'), rewritten: patternCompileMs('re') };
  return {
    patternCompileMs: compile,
    replies: mix.length,
    avgLength: avgLen,
    feedhealthPerSec: Math.round(ours),
    naturalBayesPerSec: Math.round(theirs),
    ratio: ours / theirs,
    modelLoadMs: loads,
    jsonModelLoadMs: jsonLoads,
  };
}

export function formatClassifier(r) {
  return [
    `classifier — ${r.replies} labeled replies (avg ${r.avgLength} chars), one core, same process`,
    `  feedhealth classify()        ${r.feedhealthPerSec.toLocaleString('en-US').padStart(9)} replies/s   (target ≥ 100,000)`,
    `  natural BayesClassifier      ${r.naturalBayesPerSec.toLocaleString('en-US').padStart(9)} replies/s`,
    `  ratio                        ${r.ratio.toFixed(1).padStart(9)}×`,
    `  model load (read+unpack)     first ${r.modelLoadMs.first.toFixed(1)} ms, median ${r.modelLoadMs.median.toFixed(1)} ms, max ${r.modelLoadMs.max.toFixed(1)} ms   (target ≤ 50 ms)`,
    `    from the JSON (parse+index) first ${r.jsonModelLoadMs.first.toFixed(1)} ms, median ${r.jsonModelLoadMs.median.toFixed(1)} ms`,
    `  phrase patterns, first use    ${r.patternCompileMs.rewritten.toFixed(1)} ms as run, ${r.patternCompileMs.written.toFixed(1)} ms as written (all, fresh process, median of 5)`,
  ].join('\n');
}
