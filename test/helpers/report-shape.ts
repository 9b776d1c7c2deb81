// What every `audit --json` document must hold: a list of problems, empty when the document is fine.
// Types, required fields and allowed values come from the committed schema/report.schema.json
// (validated with Ajv, see json-schema.ts), so this file cannot drift from it; the checks below are
// the ones a JSON Schema cannot state — how the numbers of one report relate to each other.
import { schemaProblems } from './json-schema.js';

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LABELS = ['resolving', 'deflecting', 'blaming', 'other'] as const;

/** Cross-field problems with one brand's report (one that already matches the schema). */
export function reportProblems(r: Record<string, any>, at = '$'): string[] {
  const p: string[] = [];
  const c = r.counts;
  const sum = LABELS.reduce((s, l) => s + (c[l] as number), 0);
  if (sum !== c.replies) p.push(`${at}.counts: labels add up to ${sum}, not replies (${String(c.replies)})`);
  if (c.replies > c.tweets) p.push(`${at}.counts: more replies than tweets`);
  if (r.replies.length !== c.replies) p.push(`${at}.replies: ${r.replies.length} items but counts.replies is ${String(c.replies)}`);
  for (const l of LABELS) {
    const n = r.replies.filter((x: { label: string }) => x.label === l).length;
    if (n !== c[l]) p.push(`${at}.counts.${l}: ${String(c[l])}, but ${n} replies have that label`);
  }
  return p;
}

/** Problems with a whole `--json` document: one report, or {schemaVersion, source, brands: [report…]}. */
export function documentProblems(doc: Json): string[] {
  const p = schemaProblems('report', doc);
  if (p.length) return p;
  if (isObj(doc) && 'brands' in doc) return (doc.brands as Record<string, any>[]).flatMap((b, i) => reportProblems(b, `$.brands[${i}]`));
  return reportProblems(doc as Record<string, any>);
}
