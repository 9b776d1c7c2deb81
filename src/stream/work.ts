// The per-reply work of an audit — classification, sign-off, template key, folding into the
// brand's summary — over plain data, so it runs the same in the main thread or in a worker.
import { classifyCuesLazily } from '../classify/index.js';
import { cuesOf, readReply } from '../classify/rules.js';
import { ReplyReadings } from './readings.js';
import { templateKey } from '../score/canned.js';
import { nameUsed } from '../score/touch.js';
import type { Classification, Label, LabeledReply, Tweet } from '../model.js';
import { BrandAccumulator, mergeBrandStates, type BrandState } from '../summary.js';
import { byNewest, type ReplyOut } from '../report.js';
import type { Progress } from '../progress.js';

export interface ReplyJob {
  text: string;
  /** Text of the answered tweet, when known. */
  answeredText?: string;
  /** Display name of the answered account, when known (template keys drop it). */
  answeredName?: string;
}

export interface ReplyResult {
  /** Its evidence may be worked out only when read (see classifyCuesLazily). */
  classification: Classification;
  signed: boolean;
  named: boolean;
  templateKey: string;
}

/** `readings` shares the work on replies worded alike (see readings.ts); without it each reply
 * is read afresh. */
export function doReplyJob(j: ReplyJob, readings?: ReplyReadings): ReplyResult {
  const shared = readings?.get(j.text);
  // One normalization serves the classifier, the sign-off and the template key.
  const reply = shared ? shared.reply : readReply(j.text);
  const n = reply.n;
  const answered = j.answeredName !== undefined ? { authorName: j.answeredName } : null;
  const name = nameUsed(j.text, answered);
  return {
    classification: shared ? shared.verdict(j.answeredText) : classifyCuesLazily(cuesOf(reply, j.answeredText)),
    signed: n.signOff !== undefined,
    named: name !== null,
    // A reply that names the person is keyed without the name (its own normalization).
    templateKey: shared && !name ? (shared.plainKey ??= templateKey(j.text, answered, n, null)) : templateKey(j.text, answered, n, name),
  };
}

/** A classified reply whose evidence is read only if needed (examples, listed replies). */
class FoldedReply implements LabeledReply {
  readonly label: Label;
  readonly confidence: number;

  constructor(
    readonly tweet: Tweet,
    readonly answered: Tweet | null,
    private readonly c: Classification,
  ) {
    this.label = c.label;
    this.confidence = c.confidence;
  }

  get evidence(): string[] {
    return this.c.evidence;
  }
}

/** A brand reply to classify and fold into its brand's summary. */
export interface FoldJob {
  brand: string;
  tweet: Tweet;
  answered: Tweet | null;
}

// Jobs cross to workers as one flat array per batch (STRIDE values a job): structured cloning
// one array of strings is much cheaper than hundreds of small objects.
const STRIDE = 11;
const str = (x: string | undefined) => x ?? '';
const opt = (x: string) => (x === '' ? undefined : x);

export function packJobs(jobs: FoldJob[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (const { brand, tweet: t, answered: a } of jobs) {
    out.push(brand, t.id, t.text, str(t.createdAt), str(t.inReplyToId));
    if (a) out.push(a.id, a.text, str(a.createdAt), str(a.authorHandle), str(a.authorName), a.authorFollowers ?? -1);
    else out.push('', '', '', '', '', -1);
  }
  return out;
}

export function unpackJobs(p: (string | number)[]): FoldJob[] {
  const jobs: FoldJob[] = [];
  for (let i = 0; i < p.length; i += STRIDE) {
    const tweet: Tweet = { id: p[i + 1] as string, text: p[i + 2] as string, createdAt: opt(p[i + 3] as string), inReplyToId: opt(p[i + 4] as string) };
    const aId = p[i + 5] as string;
    const followers = p[i + 10] as number;
    const answered: Tweet | null = aId
      ? { id: aId, text: p[i + 6] as string, createdAt: opt(p[i + 7] as string), authorHandle: opt(p[i + 8] as string), authorName: opt(p[i + 9] as string), ...(followers >= 0 ? { authorFollowers: followers } : {}) }
      : null;
    jobs.push({ brand: p[i] as string, tweet, answered });
  }
  return jobs;
}

/** What a folder hands back at the end: a summary per brand and, when kept, the replies. */
export interface FoldResult {
  states: BrandState[];
  replies: [string, ReplyOut[]][];
}

/**
 * Classifies replies and folds them into per-brand summaries — in a worker or in the main
 * thread. Summaries merge exactly, so any split of the replies across folders gives the same
 * report.
 */
export class ReplyFolder {
  private readonly accs = new Map<string, BrandAccumulator>();
  private readonly replies = new Map<string, ReplyOut[]>();
  /** Shared readings of replies worded alike (see readings.ts), or none: a worker folding part
   * of a huge file keeps none (memory counts there, and the reading thread sets the pace). */
  private readonly readings: ReplyReadings | undefined;

  constructor(
    private readonly timeZone: string,
    private readonly keepReplies: boolean,
    shareReadings = true,
  ) {
    this.readings = shareReadings ? new ReplyReadings() : undefined;
  }

  add(j: FoldJob): void {
    const res = doReplyJob({ text: j.tweet.text, answeredText: j.answered?.text, answeredName: j.answered?.authorName }, this.readings);
    let acc = this.accs.get(j.brand);
    if (!acc) this.accs.set(j.brand, (acc = new BrandAccumulator(j.brand, this.timeZone)));
    const out = acc.addReply(
      new FoldedReply(j.tweet, j.answered, res.classification),
      { signed: res.signed, named: res.named, templateKey: res.templateKey },
      this.keepReplies,
    );
    if (out && this.keepReplies) {
      const list = this.replies.get(j.brand);
      if (list) list.push(out);
      else this.replies.set(j.brand, [out]);
    }
  }

  result(): FoldResult {
    return { states: [...this.accs.values()].map((a) => a.state), replies: [...this.replies] };
  }
}

/** What a streamed audit of a big file is asked for. */
export interface StreamAuditOptions {
  file: string;
  /** Audit only this brand (others still give context). */
  handle?: string;
  timeZone: string;
  /** Keep every reply for the report's `replies` list (memory grows with the file). */
  keepReplies: boolean;
  /** Worker threads for the text work; 0 runs it in this thread. */
  workers: number;
  /** Status line for the person waiting (shown only when stderr is a terminal). */
  progress?: Progress;
}

/** A brand's result from a streamed audit (what joinFolded gives). */
export interface BrandResult {
  state: BrandState;
  /** Newest first; empty unless keepReplies. */
  replies: ReplyOut[];
}

/**
 * One brand's summary and replies (newest first): the tweets its own accumulator counted, merged
 * with what every folder folded of its replies. Any split of the replies gives the same result.
 */
export function joinFolded(acc: BrandAccumulator, folded: readonly FoldResult[]): BrandResult {
  const handle = acc.state.handle;
  let state: BrandState | undefined;
  const replies: ReplyOut[] = [];
  for (const f of folded) {
    for (const st of f.states) if (st.handle === handle) state = state ? mergeBrandStates(state, st) : st;
    for (const [h, list] of f.replies) if (h === handle) for (const r of list) replies.push(r);
  }
  return { state: state ? mergeBrandStates(acc.state, state) : acc.state, replies: replies.sort(byNewest) };
}
