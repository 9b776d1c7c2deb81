// What every `audit --json` document must hold, checked without a JSON Schema library: a list of
// problems, empty when the document is fine. `schemaProblems` reads schema/report.schema.json with a
// small subset of JSON Schema (type, required, properties, items, enum, const, $ref, anyOf/oneOf,
// minimum/maximum) so the test notices when output and schema drift apart.

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LABELS = ['resolving', 'deflecting', 'blaming', 'other'];
const GRADES = ['A', 'B', 'C', 'D', 'F'];

/** Problems with one brand's report. */
export function reportProblems(r: Json, at = '$'): string[] {
  const p: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) p.push(`${at}${what}`);
  };
  if (!isObj(r)) return [`${at}: not an object`];
  need(Number.isInteger(r.schemaVersion), '.schemaVersion: not an integer');
  need(typeof r.handle === 'string' && r.handle.length > 0, '.handle: not a non-empty string');
  const c = r.counts;
  if (!isObj(c)) p.push(`${at}.counts: not an object`);
  else {
    for (const k of ['tweets', 'replies', ...LABELS]) need(Number.isInteger(c[k]) && (c[k] as number) >= 0, `.counts.${k}: not a count`);
    if (p.length === 0) {
      const sum = LABELS.reduce((s, l) => s + (c[l] as number), 0);
      need(sum === c.replies, `.counts: labels add up to ${sum}, not replies (${String(c.replies)})`);
      need((c.replies as number) <= (c.tweets as number), '.counts: more replies than tweets');
    }
  }
  if (r.score === null) need(typeof r.note === 'string', '.note: required when score is null');
  else if (!isObj(r.score)) p.push(`${at}.score: not an object or null`);
  else {
    const s = r.score;
    need(typeof s.value === 'number' && s.value >= 0 && s.value <= 100, '.score.value: not a number in 0..100');
    need(GRADES.includes(s.grade as string), '.score.grade: not a letter grade');
    need(typeof s.verdict === 'string' && s.verdict.length > 0, '.score.verdict: not a sentence');
  }
  if (!Array.isArray(r.replies)) p.push(`${at}.replies: not an array`);
  else {
    if (isObj(c)) need(r.replies.length === c.replies, `.replies: ${r.replies.length} items but counts.replies is ${String(c.replies)}`);
    r.replies.forEach((x, i) => {
      const w = `${at}.replies[${i}]`;
      if (!isObj(x)) return void p.push(`${w}: not an object`);
      if (typeof x.id !== 'string' || !/^\d+$/.test(x.id)) p.push(`${w}.id: not a digit string`);
      if (!(x.createdAt === null || (typeof x.createdAt === 'string' && !Number.isNaN(Date.parse(x.createdAt))))) p.push(`${w}.createdAt: not a date or null`);
      if (typeof x.text !== 'string') p.push(`${w}.text: not a string`);
      if (!(x.inReplyTo === null || (isObj(x.inReplyTo) && typeof x.inReplyTo.id === 'string' && typeof x.inReplyTo.text === 'string')))
        p.push(`${w}.inReplyTo: not {id, text} or null`);
      if (!LABELS.includes(x.label as string)) p.push(`${w}.label: not one of ${LABELS.join('/')}`);
      if (!(typeof x.confidence === 'number' && x.confidence >= 0 && x.confidence <= 1)) p.push(`${w}.confidence: not in 0..1`);
      if (!(Array.isArray(x.evidence) && x.evidence.every((e) => typeof e === 'string'))) p.push(`${w}.evidence: not a list of strings`);
    });
  }
  return p;
}

/** Problems with a whole `--json` document: one report, or {schemaVersion, brands: [report…]}. */
export function documentProblems(doc: Json): string[] {
  if (isObj(doc) && 'brands' in doc) {
    const p: string[] = [];
    if (!Number.isInteger(doc.schemaVersion)) p.push('$.schemaVersion: not an integer');
    if (!Array.isArray(doc.brands) || doc.brands.length < 2) p.push('$.brands: not a list of two or more reports');
    else doc.brands.forEach((b, i) => p.push(...reportProblems(b, `$.brands[${i}]`)));
    return p;
  }
  return reportProblems(doc);
}

// ── A small JSON Schema subset ───────────────────────────────────────────────────────────────
type Schema = Record<string, Json> | boolean;

function typeOk(t: string, v: Json): boolean {
  switch (t) {
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObj(v);
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number';
    default: return typeof v === t;
  }
}

export function schemaProblems(v: Json, schema: Schema, root: Schema = schema, at = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  if (typeof schema.$ref === 'string') {
    const m = /^#\/(.*)$/.exec(schema.$ref);
    if (!m) return []; // remote refs: out of scope
    let target: Json = root;
    for (const k of m[1].split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) target = isObj(target) ? target[k] : undefined;
    return target === undefined ? [`${at}: unresolved ${schema.$ref}`] : schemaProblems(v, target as Schema, root, at);
  }
  const p: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, v))) return [`${at}: expected ${types.join('|')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) p.push(`${at}: not one of ${JSON.stringify(schema.enum)}`);
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(v)) p.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum) p.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && v > schema.maximum) p.push(`${at}: above ${schema.maximum}`);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && !branches.some((b) => schemaProblems(v, b as Schema, root, at).length === 0)) p.push(`${at}: matches none of ${key}`);
  }
  if (Array.isArray(schema.allOf)) for (const b of schema.allOf) p.push(...schemaProblems(v, b as Schema, root, at));
  if (isObj(v)) {
    for (const k of Array.isArray(schema.required) ? (schema.required as string[]) : []) if (!(k in v)) p.push(`${at}.${k}: required`);
    const props = isObj(schema.properties) ? schema.properties : {};
    for (const [k, s] of Object.entries(props)) if (k in v) p.push(...schemaProblems(v[k], s as Schema, root, `${at}.${k}`));
    if (schema.additionalProperties === false) for (const k of Object.keys(v)) if (!(k in props)) p.push(`${at}.${k}: not in the schema`);
  }
  if (Array.isArray(v) && schema.items !== undefined && !Array.isArray(schema.items)) {
    v.forEach((x, i) => p.push(...schemaProblems(x, schema.items as Schema, root, `${at}[${i}]`)));
  }
  return p;
}
