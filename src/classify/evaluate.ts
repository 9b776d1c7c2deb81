// Scoring a classifier against labels: per-label precision/recall/F1, macro-F1, accuracy and
// the confusion matrix. Pure.
import { LABELS, type Label } from '../model.js';

export interface LabelStats { precision: number; recall: number; f1: number; support: number }
export interface EvalResult {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<Label, LabelStats>;
  /** confusion[truth][predicted] */
  confusion: Record<Label, Record<Label, number>>;
}

export function evaluate(pairs: { truth: Label; predicted: Label }[]): EvalResult {
  const confusion = Object.fromEntries(LABELS.map((t) => [t, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as EvalResult['confusion'];
  let correct = 0;
  for (const { truth, predicted } of pairs) {
    confusion[truth][predicted]++;
    if (truth === predicted) correct++;
  }
  const perLabel = {} as Record<Label, LabelStats>;
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const predicted = LABELS.reduce((s, t) => s + confusion[t][l], 0);
    const support = LABELS.reduce((s, p) => s + confusion[l][p], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision, recall, f1, support };
  }
  // Over every label in the truth or the predictions (as scikit-learn's macro average): a label
  // the file never uses but the classifier predicts wrongly counts, with F1 0.
  const present = LABELS.filter((l) => perLabel[l].support > 0 || LABELS.some((t) => confusion[t][l] > 0));
  const macroF1 = present.reduce((s, l) => s + perLabel[l].f1, 0) / (present.length || 1);
  return { n: pairs.length, accuracy: pairs.length ? correct / pairs.length : 0, macroF1, perLabel, confusion };
}

const f3 = (x: number) => x.toFixed(3);

/** The report people read: a per-label table, the headline figures and the confusion matrix. */
export function formatEval(r: EvalResult): string {
  const lines: string[] = [];
  lines.push(`label        precision  recall     f1  support`);
  for (const l of LABELS) {
    const s = r.perLabel[l];
    lines.push(`${l.padEnd(12)} ${f3(s.precision).padStart(9)} ${f3(s.recall).padStart(7)} ${f3(s.f1).padStart(6)} ${String(s.support).padStart(8)}`);
  }
  lines.push('');
  lines.push(`accuracy ${f3(r.accuracy)}   macro-F1 ${f3(r.macroF1)}   n=${r.n}`);
  lines.push('');
  lines.push(`confusion (rows: truth, columns: predicted)`);
  lines.push(`${''.padEnd(12)}${LABELS.map((l) => l.slice(0, 10).padStart(11)).join('')}`);
  for (const t of LABELS) lines.push(`${t.padEnd(12)}${LABELS.map((p) => String(r.confusion[t][p]).padStart(11)).join('')}`);
  return `${lines.join('\n')}\n`;
}
