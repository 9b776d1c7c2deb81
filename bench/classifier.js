// Classifier speed: replies/s of feedhealth's classify() on a real-shaped mix (the labeled
// replies, each with the tweet it answers), beside natural's BayesClassifier trained on the same
// texts and run on the same texts in the same process; plus the time to load the shipped model.
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

  return {
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
  ].join('\n');
}
