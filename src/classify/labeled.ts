// Labeled data: JSONL lines {text, inReplyToText?, label, ambiguous?}. Ambiguous lines are kept
// in the files for the record but left out of training and evaluation.
import { readFileSync } from 'node:fs';
import { LABELS, type Label } from '../model.js';
import { fileError, fsError } from '../errors.js';
import { assertText } from '../sources/sniff.js';

export interface LabeledExample {
  text: string;
  inReplyToText?: string;
  label: Label;
  ambiguous?: boolean;
  source?: string;
  brand?: string;
}

export function readLabeled(file: string, { keepAmbiguous = false } = {}): LabeledExample[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw fsError(file, err);
  }
  assertText(bytes, file, 'labeled JSONL lines {text, inReplyToText?, label}');
  const text = bytes.toString('utf8');
  const out: LabeledExample[] = [];
  // A byte-order mark (Windows editors) is not content.
  text.replace(/^\ufeff/, '').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: LabeledExample;
    try {
      v = JSON.parse(line);
    } catch {
      throw fileError(file, 'invalid JSON', i + 1);
    }
    if (typeof v?.text !== 'string') throw fileError(file, 'line has no "text"', i + 1);
    if (v.inReplyToText !== undefined && v.inReplyToText !== null && typeof v.inReplyToText !== 'string') throw fileError(file, '"inReplyToText" must be a string', i + 1);
    if (!LABELS.includes(v.label)) throw fileError(file, `label must be one of ${LABELS.join(', ')}`, i + 1);
    if (v.ambiguous && !keepAmbiguous) return;
    out.push(v);
  });
  return out;
}
