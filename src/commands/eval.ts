// `feedhealth eval <labeled.jsonl>`: the shipped classifier against labeled replies.
import { classify } from '../classify/index.js';
import { evaluate, formatEval } from '../classify/evaluate.js';
import { readLabeled } from '../classify/labeled.js';
import { emit } from '../output.js';
import { InputError } from '../errors.js';

export async function evalCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const data = readLabeled(file);
  if (data.length === 0) throw new InputError(`${file}: no labeled replies (lines need {"text", "label"})`);
  const pairs = data.map((e) => ({
    truth: e.label,
    predicted: classify({ text: e.text }, e.inReplyToText ? { text: e.inReplyToText } : null).label,
  }));
  const r = evaluate(pairs);
  await emit(opts.json ? `${JSON.stringify(r, null, 2)}\n` : formatEval(r));
}
