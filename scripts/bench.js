#!/usr/bin/env node
// `npm run bench [-- classifier|scale …]`: speed figures, printed as rates and as ratios against
// a baseline run in the same process. Targets live here, not in timed tests. Build first.
import { benchClassifier, formatClassifier } from '../bench/classifier.js';

const which = new Set(process.argv.slice(2));
const all = which.size === 0;

if (all || which.has('classifier')) {
  console.log(formatClassifier(await benchClassifier()));
}
