// v2 JSONL files are read line by line (never whole) and give exactly what reading them whole gives,
// including lines that straddle the reader's 1 MB chunks and multi-byte characters cut by a chunk.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/sources/detect.js';
import { parseV2 } from '../src/sources/v2-json.js';
import { abs, fixture } from './helpers/paths.js';

describe('v2 JSONL read line by line', () => {
  it('gives the same timeline as parsing the whole text, for the bundled fetch output', () => {
    const f = abs(fixture('acmecare.jsonl'));
    expect(loadFile(f)).toEqual(parseV2(readFileSync(f, 'utf8'), f));
  });

  it('handles lines longer than a chunk and emoji cut by a chunk boundary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedhealth-jsonl-'));
    const f = join(dir, 'big.jsonl');
    const lines: string[] = [];
    for (let p = 0; p < 6; p++) {
      const data = Array.from({ length: 1500 }, (_, k) => ({
        id: String(1_000_000 + p * 10_000 + k),
        text: `@user${k} ${'💙 thanks for waiting, '.repeat(8)} page ${p}`,
        author_id: '42',
        created_at: '2026-11-01T10:00:00.000Z',
      }));
      lines.push(JSON.stringify({ data, meta: { result_count: data.length } }));
    }
    writeFileSync(f, `${lines.join('\n')}\n`);
    expect(readFileSync(f).length).toBeGreaterThan(2 * (1 << 20)); // several chunks
    const streamed = loadFile(f);
    expect(streamed.tweets).toHaveLength(9000);
    expect(streamed).toEqual(parseV2(readFileSync(f, 'utf8'), f));
  });
});
