// Features the trained model reads: words and word pairs of the normalized reply, the cues
// that fired, the rule set's own verdict, and a few shape facts. Each has a readable name
// (kept in the weights file and shown as evidence) and a numeric id (its hash), so prediction
// allocates no strings.
import type { CueSet } from './rules.js';
import type { Label } from '../model.js';
import { CUE_NAMES, type CueName } from './cues.js';
import { LABELS } from '../model.js';
import { IntTable } from './int-table.js';
import { hashStr, pairId, tokenize } from './tokens.js';

// Words too common to tell labels apart (still used inside word pairs).
const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'or', 'in', 'on', 'for', 'is', 'it', 'this', 'that', 'be', 'at', 'with', 'as', 'so', 'are', 'was', 'i', 'hi', 'hey', 'hello']);
const STOP_IDS = new IntTable([...STOP].map(hashStr));
const START = '^';
const END = '$';
const CHANNEL_CUES = new Set<CueName>(['dm', 'email', 'phone', 'channel', 'forum', 'genericLink']);
const HELP_CUES = new Set<CueName>(['steps', 'action', 'answer', 'specificLink', 'diagnostic']);
const PREFIXED = /^(?:cue|rule|shape):[^ ]*$/;

const fixed = (name: string) => ({ name, id: hashStr(name) });
const CUE = Object.fromEntries(CUE_NAMES.map((c) => [c, fixed(`cue:${c}`)]));
const RULE = Object.fromEntries(LABELS.map((l) => [l, fixed(`rule:${l}`)]));
const SHAPE = {
  signed: fixed('shape:signed'), multipart: fixed('shape:multipart'), noContext: fixed('shape:no-context'),
  channelOnly: fixed('shape:channel-only'), channelAsked: fixed('shape:channel-asked-for'),
  veryShort: fixed('shape:very-short'), short: fixed('shape:short'), medium: fixed('shape:medium'), long: fixed('shape:long'),
};
const START_ID = hashStr(START);
const END_ID = hashStr(END);

/** The model feature id of a cue. */
export const cueFeatureId = (cue: CueName): number => CUE[cue].id;

/** The id a feature name stands for (used when loading weights). */
export function idOfName(name: string): number {
  if ((name.startsWith('cue:') || name.startsWith('rule:') || name.startsWith('shape:')) && PREFIXED.test(name)) return hashStr(name);
  const sp = name.indexOf(' ');
  return sp < 0 ? hashStr(name) : pairId(hashStr(name.slice(0, sp)), hashStr(name.slice(sp + 1)));
}

export interface Featurized {
  ids: number[];
  /** Names in the same order, when asked for (training, tests). */
  names: string[] | null;
}

export function featurize(c: CueSet, ruleLabel: Label, withNames = false): Featurized {
  // Two parallel lists; names are only built when asked for (this runs once per reply).
  const ids: number[] = [];
  const names: string[] | null = withNames ? [] : null;
  const toks = names ? (c.tokens ?? tokenize(c.n.text, true).tokens!) : [];
  const count = c.ids.length;
  let prevId = START_ID;
  for (let i = 0; i < count; i++) {
    const id = c.ids[i];
    if (STOP_IDS.get(id) < 0) {
      ids.push(id);
      if (names) names.push(toks[i]);
    }
    ids.push(pairId(prevId, id));
    if (names) names.push(`${i ? toks[i - 1] : START} ${toks[i]}`);
    prevId = id;
  }
  ids.push(pairId(prevId, END_ID));
  if (names) names.push(`${count ? toks[count - 1] : START} ${END}`);
  const fixedFeature = (f: { id: number; name: string }) => {
    ids.push(f.id);
    if (names) names.push(f.name);
  };
  const hits = c.hits;
  for (const h of hits) fixedFeature(CUE[h.cue]);
  // Pairs of cues let the linear model learn tie-breaks ("phone" + "asked for a channel").
  for (let i = 0; i < hits.length; i++)
    for (let j = i + 1; j < hits.length; j++) {
      const a = CUE[hits[i].cue < hits[j].cue ? hits[i].cue : hits[j].cue];
      const b = CUE[hits[i].cue < hits[j].cue ? hits[j].cue : hits[i].cue];
      ids.push(pairId(a.id, b.id));
      if (names) names.push(`${a.name} ${b.name}`);
    }
  fixedFeature(RULE[ruleLabel]);
  const shape = fixedFeature;
  if (c.n.signOff) shape(SHAPE.signed);
  if (c.n.part) shape(SHAPE.multipart);
  if (!c.answered) shape(SHAPE.noContext);
  // What a linear model cannot form by itself: a channel with no help in the reply, and whether
  // the person asked for one (tie-breaks 2 and 6).
  const channel = hits.some((h) => CHANNEL_CUES.has(h.cue));
  if (channel && !hits.some((h) => HELP_CUES.has(h.cue))) shape(c.has('askedForChannel') ? SHAPE.channelAsked : SHAPE.channelOnly);
  const n = count;
  shape(n <= 6 ? SHAPE.veryShort : n <= 15 ? SHAPE.short : n <= 35 ? SHAPE.medium : SHAPE.long);
  return { ids, names };
}
