#!/usr/bin/env node
// `npm run bench [-- classifier|scale|single|phases|v2 …]`: speed figures, printed as rates and as ratios against
// a baseline run in the same process. Targets live here, not in timed tests. Build first.
import { benchClassifier, formatClassifier } from '../bench/classifier.js';
import { benchPhases, formatPhases } from '../bench/phases.js';
import { benchScale, benchSingle, benchV2Big, formatScale, formatSingle, formatV2Big } from '../bench/scale.js';

const which = new Set(process.argv.slice(2));
const all = which.size === 0;

if (all || which.has('classifier')) {
  console.log(formatClassifier(await benchClassifier()));
}

if (all || which.has('scale')) {
  // ROWS=200000 npm run bench -- scale: a quicker, smaller run.
  console.log(formatScale(await benchScale({ rows: Number(process.env.ROWS ?? 2_800_000) })));
}

if (which.has('single') && !which.has('scale')) {
  // Only the single-handle audit (seconds, not minutes): RUNS=11 for a steadier median.
  console.log(formatSingle(await benchSingle({ runs: Number(process.env.RUNS ?? 5) })));
}

if (which.has('v2')) {
  // A big file of v2 pages (not part of the default run): memory and the worker threads' gain.
  console.log(formatV2Big(await benchV2Big()));
}

if (which.has('phases')) {
  // Where a single-handle audit's time goes, step by step (not part of the default run).
  console.log(formatPhases(await benchPhases()));
}
