// The committed JSON Schemas (schema/*.schema.json), compiled once with Ajv (draft 2020-12), so
// every test that checks a `--json` document checks it against the files users get — never
// against a copy of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ROOT } from './paths.js';

export const SCHEMA_FILES = {
  report: join(ROOT, 'schema', 'report.schema.json'),
  compare: join(ROOT, 'schema', 'compare.schema.json'),
} as const;
export type SchemaName = keyof typeof SCHEMA_FILES;

export type Json = any;
export const schemaOf = (name: SchemaName): Record<string, Json> => JSON.parse(readFileSync(SCHEMA_FILES[name], 'utf8'));

/** RFC 3339 date-time and full-date, as JSON Schema's `format` means them (Ajv leaves formats to
 * plug-ins; these two are all the schemas use). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
const realDate = (s: string) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};

/** A strict Ajv: unknown keywords and formats, and ambiguous types, are errors in the schema itself.
 * (`strictRequired` is off: `if/then: {required: [...]}` names fields described beside the `if`.) */
export function newAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && realDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('date', { type: 'string', validate: realDate });
  return ajv;
}

/** `additionalProperties: true` → `false` everywhere: a variant of a schema that rejects any field
 * it does not describe, for checking that the schema still names everything the tool prints. */
export function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'additionalProperties' && v === true ? false : closed(v);
  return out;
}

const compiled = new Map<string, ValidateFunction>();
/** `open`: the schema as committed. `closed:<def>`: its closed variant, entered at `$defs/<def>`
 * (the top-level oneOf would report every stray field of the branch that does not apply). */
function validator(name: SchemaName, variant: 'open' | `closed:${string}`): ValidateFunction {
  const key = `${name}:${variant}`;
  let v = compiled.get(key);
  if (!v) {
    const schema = schemaOf(name);
    if (variant === 'open') v = newAjv().compile(schema);
    else {
      const { oneOf: _branches, $ref: _root, ...rest } = closed(schema);
      v = newAjv().compile({ ...rest, $ref: `#/$defs/${variant.slice('closed:'.length)}` });
    }
    compiled.set(key, v);
  }
  return v;
}

const describe = (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`;

/** Ajv's errors for `doc` against a committed schema; empty when it validates. */
export function schemaErrors(name: SchemaName, doc: Json): ErrorObject[] {
  const v = validator(name, 'open');
  return v(doc) ? [] : [...(v.errors ?? [])];
}

/** The same, as readable lines ("/replies/0/label must be equal to one of the allowed values …"). */
export const schemaProblems = (name: SchemaName, doc: Json): string[] => schemaErrors(name, doc).map(describe);

/** Fields in `doc` (a document that validates) that the schema does not describe: empty when the
 * schema names every field the tool printed. */
export function undescribedFields(name: SchemaName, doc: Json): string[] {
  const entry =
    name === 'compare' ? 'comparison' : doc?.kind === 'feedhealth-summary' ? 'summaryDoc' : doc && typeof doc === 'object' && 'brands' in doc ? 'multiReport' : 'report';
  const v = validator(name, `closed:${entry}`);
  if (v(doc)) return [];
  const extra = (v.errors ?? []).filter((e) => e.keyword === 'additionalProperties');
  if (extra.length === 0) return (v.errors ?? []).map(describe); // fails for another reason: say so
  return [...new Set(extra.map((e) => `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`))];
}
