// Writes a realistic TWCS-format CSV (the Kaggle "Customer Support on Twitter" layout) of any
// size, deterministically from a seed: brands with their own voices and templates, customers
// anonymised as numbers, conversations of 2–6 tweets kept close together as in the real dump,
// answered-tweet ids written as pandas floats ("12.0"), quoted newlines and quotes, &amp; escapes,
// __email__ masks. Nothing here is copied from any real dataset.
import { createWriteStream } from 'node:fs';

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ['Telco', 'Air', 'Bank', 'Rail', 'Shop', 'Stream', 'Games', 'Power', 'Parcel', 'Ride', 'Food', 'Cloud'];
const PRODUCTS = { Telco: 'broadband', Air: 'flight', Bank: 'card', Rail: 'train', Shop: 'order', Stream: 'app', Games: 'game', Power: 'bill', Parcel: 'parcel', Ride: 'trip', Food: 'delivery', Cloud: 'account' };
const COMPLAINTS = [
  'my {p} has been broken since {day} and nobody is helping',
  'still waiting on a refund for my {p}, this is ridiculous &amp; unacceptable',
  'why was I charged twice for my {p}??',
  'can you tell me what is going on with my {p}? third time this week',
  'your {p} keeps failing. error {n} every time I try',
  'what is your customer service phone number? need to sort my {p}',
  'thanks for sorting my {p} so quickly, great service!',
  'is the {p} down right now? nothing works',
  "I've emailed __email__ twice about my {p} and heard nothing\nreally fed up",
  'the "new" {p} update deleted everything, how do I get it back',
];
const REPLIES = [
  ['Sorry to hear that, {name}. Please DM us your account details so we can look into this for you. ^{ag}', 'deflecting'],
  ["We're sorry for the trouble! Send us a DM with your {p} number and we'll take a look. ^{ag}", 'deflecting'],
  ['Please call our team on 0800 {n} 4040 and they can help with your {p}.', 'deflecting'],
  ['Sorry {name}, try restarting your device and then signing back in. If the {p} still fails, DM us. ^{ag}', 'resolving'],
  ["We've refunded the charge on your {p} today, it should show in 3-5 working days. ^{ag}", 'resolving'],
  ['Engineers fixed the fault at {h}:{m}; a quick restart should bring your {p} back. ^{ag}', 'resolving'],
  ['Which app version are you on, {name}? And does it happen on wifi and mobile data?', 'resolving'],
  ['Unfortunately the courier handles deliveries once your {p} leaves us, so please contact them directly.', 'blaming'],
  ['Due to high demand there may be delays with your {p}. We appreciate your patience.', 'blaming'],
  ['Per our policy we cannot refund a {p} after 30 days.', 'blaming'],
  ['Thanks so much for the kind words, {name}! 💙', 'other'],
  ['Happy to help! Have a great weekend 🎉', 'other'],
  ["Our number is 0800 {n} 4040, lines are open 8am-8pm.\nWe're here 7 days a week.", 'resolving'],
  ['We hear you. Your feedback has been passed on to the team.', 'deflecting'],
];
const NAMES = ['Sam', 'Jo', 'Priya', 'Alex', 'Kim', 'Tom', 'Ana', 'Lee', 'Maria', 'Dev', 'Chris', 'Noor'];
const AGENTS = ['JK', 'SR', 'AM', 'TB', 'RB', 'MK', 'DL', 'PW'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');
const twitterDate = (ms) => {
  const d = new Date(ms);
  return `${DOW[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
};
const csvField = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes `rows` rows to `file` (tweet ids from `firstId`); resolves with the number of bytes written. */
export function generateTwcs(file, { rows = 2_800_000, brands = 108, seed = 2017, firstId = 1, header = true } = {}) {
  const rand = rng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  // Names depend on the brand's number only, so files made with other seeds share brands.
  const PREFIXES = ['Acme', 'Nova', 'Bright', 'Swift', 'Metro', 'Blue', 'Peak', 'Orbit', 'Zen'];
  const brandNames = Array.from({ length: brands }, (_, i) => `${PREFIXES[i % PREFIXES.length]}${INDUSTRIES[i % INDUSTRIES.length]}${i < INDUSTRIES.length ? '' : i}Help`);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let buf = [];
  let written = 0;
  let nextId = firstId;
  let clock = Date.UTC(2017, 9, 1);
  const fill = (tpl, p) =>
    tpl.replace(/\{(\w+)\}/g, (_, k) =>
      k === 'p' ? p : k === 'name' ? pick(NAMES) : k === 'ag' ? pick(AGENTS) : k === 'day' ? pick(DAYS) : k === 'n' ? String(100 + Math.floor(rand() * 900)) : k === 'h' ? pad(Math.floor(rand() * 24)) : pad(Math.floor(rand() * 60)),
    );
  const push = (fields) => {
    const line = `${fields.map(csvField).join(',')}\n`;
    buf.push(line);
    bytes += Buffer.byteLength(line);
    written++;
  };
  const conversation = () => {
    // One conversation: customer → brand (→ customer → brand …), written newest first as in the dump.
    const b = Math.floor(Math.pow(rand(), 1.6) * brands); // a few big brands, a long tail
    const brand = brandNames[b];
    const product = PRODUCTS[INDUSTRIES[b % INDUSTRIES.length]];
    const customer = String(100000 + Math.floor(rand() * 700000));
    const turns = Math.min(rows - written, 2 * (1 + Math.floor(rand() * rand() * 3)));
    clock += Math.floor(rand() * 40_000);
    const conv = [];
    let t = clock;
    for (let k = 0; k < turns; k++) {
      const inbound = k % 2 === 0;
      t += inbound ? Math.floor(rand() * 3_600_000) : Math.floor(60_000 + rand() * rand() * 86_400_000);
      const text = inbound ? `@${brand} ${fill(pick(COMPLAINTS), product)}` : `@${customer} ${fill(pick(REPLIES)[0], product)}`;
      conv.push({ id: nextId++, author: inbound ? customer : brand, inbound, t, text });
    }
    for (let k = conv.length - 1; k >= 0; k--) {
      const c = conv[k];
      const answered = k > 0 ? conv[k - 1].id : null;
      const response = k + 1 < conv.length ? String(conv[k + 1].id) : '';
      push([String(c.id), c.author, c.inbound ? 'True' : 'False', twitterDate(c.t), c.text, response, answered === null ? '' : rand() < 0.7 ? `${answered}.0` : String(answered)]);
    }
  };
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    if (header) out.write('tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n');
    // Generate in slices and wait for the stream to drain, so memory stays small.
    const step = () => {
      const until = Math.min(rows, written + 20_000);
      while (written < until) conversation();
      const chunk = buf.join('');
      buf = [];
      const more = out.write(chunk);
      if (written >= rows) out.end(() => resolve(bytes));
      else if (more) setImmediate(step);
      else out.once('drain', step);
    };
    step();
  });
}
