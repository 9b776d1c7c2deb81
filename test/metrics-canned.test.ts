import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/classify/normalize.js';
import { nameUsed } from '../src/score/touch.js';
import { asciiKey, cannedOf, clusterKeys, templateKey, unicodeKey, withoutName } from '../src/score/canned.js';
import { reply } from './support/replies.js';

const DM = 'Sorry to hear that! Please send us a DM with your account number so we can look into this for you.';

describe('template keys', () => {
  it('ignore handles, the person’s name, the agent’s sign-off, links and numbers', () => {
    const a = templateKey(`@pat_77 Hi Pat, ${DM} https://t.co/abc123 Ref 55012 ^JK`);
    const b = templateKey(`@lou_2 Hi Lou, ${DM} https://t.co/zzz999 Ref 90210 -Becky`);
    expect(a).toBe(b);
    expect(a).not.toMatch(/pat|lou|jk|becky|http|t\.co|\d/);
  });

  it('ignore the answered person’s display name wherever the reply uses it', () => {
    const a = templateKey('@x1 Thanks for waiting, Marguerite, your order is on its way.', { authorName: 'Marguerite D.' });
    const b = templateKey('@x2 Thanks for waiting, Oluwaseun, your order is on its way.', { authorName: 'Oluwaseun' });
    expect(a).toBe(b);
  });

  it('keep words of scripts written without spaces, as character pairs', () => {
    const a = templateKey('@x1 ご不便をおかけしております。');
    const b = templateKey('@x1 お問い合わせありがとうございます。');
    expect(a).not.toBe('');
    expect(a).not.toBe(b);
  });

  it('read ASCII replies word for word as the general rule does (the fast path changes nothing)', () => {
    // The general rule, as regexes: words with inner apostrophes, those holding digits dropped.
    const rule = (t: string) => (normalize(t).text.replace(/@user|\burl\b/g, ' ').match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? []).filter((w) => !/\d/.test(w)).join(' ');
    const dir = join(import.meta.dirname, '..', 'fixtures', 'labeled');
    const texts = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string));
    // (Replies that greet someone by name are left out: the name is dropped before this step.)
    const ascii = texts.filter((t) => /^[\x20-\x7e]*$/.test(normalize(t).text) && nameUsed(t, null) === null);
    expect(ascii.length).toBeGreaterThan(1000);
    for (const t of ascii) expect(templateKey(t), t).toBe(rule(t));
  });

  it('read by the fast scan exactly as by the Unicode-aware rule, emoji and other scripts included', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'labeled');
    const texts = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string));
    const edges = [
      "thanks 💙 we're on it 👍️ (variation selector) 1️⃣ keycap 👩‍💻 zwj 👋🏽 tone",
      'café naïve — “quoted” … ½ price ① ⅷ ℓ №5',
      'ご不便をおかけしております 漢字abc ไทย',
      "we\u2019ll l'été don't 'quoted' it's 2day",
      'lone \ud83d surrogate \ude00 here',
      '𝐛𝐨𝐥𝐝 math letters and 🄀 digit',
    ];
    let fast = 0;
    for (const t of [...texts, ...edges]) {
      const plain = normalize(t).text.replace(/@user|\burl\b/g, ' ');
      const key = asciiKey(plain);
      if (key === null) continue;
      fast++;
      expect(key, t).toBe(unicodeKey(plain));
    }
    // The scan reads nearly every reply (it gives up only at letters and digits beyond ASCII).
    expect(fast).toBeGreaterThan(texts.length * 0.95);
    expect(asciiKey('thanks 💙 so much')).toBe('thanks so much');
    expect(asciiKey('merci, très bien')).toBeNull();
  });

  it('drop a name where the general rule would: whole words only, never inside a word or a @handle', () => {
    const rule = (t: string, name: string) => t.replace(new RegExp(`(?<![\\w@])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g'), ' ');
    const texts = ['Hi Sam, Sam here: @Sam Samuel Sam_ _Sam Sam', 'SamSam Sam.Sam (Sam) Sam', 'no name at all', 'Jo-Ann and Jo', 'Ana Ana Ana', 'O.K. O.K.O.K.'];
    for (const t of texts) for (const name of ['Sam', 'Jo', 'Ana', 'O.K.', 'Sam Sam']) expect(withoutName(t, name), `${t} / ${name}`).toBe(rule(t, name));
  });

  it('are empty when nothing but handles, links and numbers remain', () => {
    expect(templateKey('@someone https://t.co/abc 12345')).toBe('');
  });
});

describe('near-duplicate clustering', () => {
  it('joins identical keys and keys that share at least 70% of their words', () => {
    const base = 'please send us a dm with your account number so we can look into this';
    const oneWordSwapped = base.replace('account', 'order');
    const ids = clusterKeys([base, base, oneWordSwapped]);
    expect(new Set(ids).size).toBe(1);
  });

  it('keeps different replies apart', () => {
    const ids = clusterKeys([
      'please send us a dm with your account number so we can look into this',
      'we have refunded the charge and it will show on your card in three days',
      'the courier is responsible for this delivery please contact them directly',
    ]);
    expect(new Set(ids).size).toBe(3);
  });

  it('lets short replies join only when identical: a few words overlap by chance', () => {
    const ids = clusterKeys(['thanks so much', 'thanks so much', 'thanks very much']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('never joins empty keys', () => {
    const ids = clusterKeys(['', '', '']);
    expect(new Set(ids).size).toBe(3);
  });

  it('numbers clusters in order of first appearance and does not depend on input order otherwise', () => {
    const keys = ['a b c d e f g h', 'x y z w v u t s', 'a b c d e f g q', 'x y z w v u t r'];
    expect(clusterKeys(keys)).toEqual([0, 1, 0, 1]);
    expect(clusterKeys([...keys].reverse())).toEqual([0, 1, 0, 1]);
  });

  it('stays about linear: 60,000 replies from 200 templates with edits cluster in seconds, each template whole', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
    let s = 42;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const templates = Array.from({ length: 200 }, () => Array.from({ length: 10 + Math.floor(rnd() * 10) }, () => words[Math.floor(rnd() * words.length)]));
    const keys: string[] = [];
    const truth: number[] = [];
    for (let i = 0; i < 60_000; i++) {
      if (i % 2) {
        const k = Math.floor(rnd() * 200);
        const t = [...templates[k]];
        if (rnd() < 0.5) t[Math.floor(rnd() * t.length)] = words[Math.floor(rnd() * words.length)];
        keys.push(t.join(' '));
        truth.push(k);
      } else {
        keys.push(Array.from({ length: 6 + Math.floor(rnd() * 20) }, () => words[Math.floor(rnd() ** 2 * words.length)]).join(' '));
        truth.push(-1);
      }
    }
    const t0 = performance.now();
    const ids = clusterKeys(keys);
    expect(performance.now() - t0).toBeLessThan(8000);
    const clustersOf = new Map<number, Set<number>>();
    truth.forEach((k, i) => k >= 0 && (clustersOf.get(k) ?? clustersOf.set(k, new Set()).get(k)!).add(ids[i]));
    for (const c of clustersOf.values()) expect(c.size).toBe(1);
  });
});

describe('canned replies', () => {
  it('gives the share of replies that come from templates and the top templates with counts and labels', () => {
    const replies = [
      reply({ text: `@a1 ${DM} ^JK`, label: 'deflecting', at: '2026-03-02T10:00:00Z' }),
      reply({ text: `@a2 ${DM} ^SR`, label: 'deflecting', at: '2026-03-03T10:00:00Z' }),
      reply({ text: `@a3 ${DM.replace('account', 'order')} -Becky`, label: 'other', at: '2026-03-04T10:00:00Z' }),
      reply({ text: '@a4 Thanks for your patience, we are on it!', label: 'other' }),
      reply({ text: '@a5 Thanks for your patience, we are on it!', label: 'other' }),
      reply({ text: "@a6 I've refunded the missing item to your card just now.", label: 'resolving' }),
    ];
    const c = cannedOf(replies)!;
    expect(c.replies).toBe(6);
    expect(c.templatedReplies).toBe(5);
    expect(c.templatedShare).toBeCloseTo(5 / 6, 3);
    expect(c.templateCount).toBe(2);
    expect(c.topTemplates[0]).toMatchObject({ uses: 3, labels: { resolving: 0, deflecting: 2, blaming: 0, other: 1 } });
    expect(c.topTemplates[0].example).toContain('-Becky'); // the newest use, as sent
    expect(c.topTemplates[1].uses).toBe(2);
  });

  it('reports a real zero when no wording repeats, and null when there are no replies', () => {
    expect(cannedOf([reply({ text: '@a We fixed it.' }), reply({ text: '@b Your refund went out today by bank transfer.' })])).toMatchObject({ templatedReplies: 0, templatedShare: 0, topTemplates: [] });
    expect(cannedOf([])).toBeNull();
  });
});
