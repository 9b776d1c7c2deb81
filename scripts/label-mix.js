#!/usr/bin/env node
// The label mix the classifier finds per brand in an IBM customer-care conversations file
// (ibm-cdp dev/test.json shape: agentURL.url_utterance answers the last dialogContent message).
// For information only: the file is read as unlabeled data. Run `npm run build` first.
//   node scripts/label-mix.js ../shared/corpus/ibm-cdp/test.json
import { readFileSync } from 'node:fs';
import { classify } from '../dist/classify/index.js';
import { LABELS } from '../dist/model.js';
import { mixPcts } from '../dist/render/shapes.js';

/** A brand's label shares as the reports show them: whole percentages adding up to 100. */
const shown = (c, n) => {
  const p = mixPcts(Object.fromEntries(LABELS.map((l) => [l, c[l] / n])));
  return LABELS.map((l) => p[l]).join(' | ');
};

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/label-mix.js <ibm-cdp json file>');
  process.exit(2);
}
const convs = JSON.parse(readFileSync(file, 'utf8'));
const byBrand = new Map();
for (const c of convs) {
  const brand = c.dialogHeader?.company ?? '?';
  const reply = c.agentURL?.url_utterance;
  if (typeof reply !== 'string') continue;
  const last = c.dialogContent?.[c.dialogContent.length - 1]?.message;
  const { label } = classify({ text: reply }, last ? { text: last } : null);
  const counts = byBrand.get(brand) ?? Object.fromEntries(LABELS.map((l) => [l, 0]));
  counts[label]++;
  byBrand.set(brand, counts);
}
const rows = [...byBrand].sort((a, b) => total(b[1]) - total(a[1]));
function total(c) {
  return LABELS.reduce((s, l) => s + c[l], 0);
}
console.log(`| brand | replies | ${LABELS.join(' | ')} |`);
console.log(`|---|---:|${LABELS.map(() => '---:').join('|')}|`);
const all = Object.fromEntries(LABELS.map((l) => [l, 0]));
for (const [brand, c] of rows) {
  const n = total(c);
  for (const l of LABELS) all[l] += c[l];
  console.log(`| ${brand} | ${n} | ${shown(c, n)} |`);
}
const n = total(all);
console.log(`| **all** | ${n} | ${shown(all, n)} |`);
