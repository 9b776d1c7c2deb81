// Small v2 feeds written on the spot, for tests that need a brand of one or two replies.
import { writeFileSync } from 'node:fs';

/** A brand's reply to @bob, as one v2 tweet (`text` is the whole tweet, mentions included). */
export const replyToBob = (id: string, text: string) => ({ id, text, author_id: '1', created_at: '2026-11-02T10:30:00.000Z', in_reply_to_user_id: '2', referenced_tweets: [{ type: 'replied_to', id: `${id}0` }] });

/** Writes one v2 page of the brand `username` (user 1) answering @bob (user 2); returns the path. */
export function writeBrandFeed(file: string, username: string, replies: object[], answered: object[] = []): string {
  const page = { data: replies, includes: { users: [{ id: '1', username }, { id: '2', username: 'bob' }], tweets: answered } };
  writeFileSync(file, `${JSON.stringify(page)}\n`);
  return file;
}
