import { hmacHex } from './crypto.js';
import { openSealedJson, retention } from './context.js';
import { seal } from './crypto.js';
import { RepoError, toRepoError } from './errors.js';
import { isStorageError } from '../storage/index.js';
import type { RepoContext } from './context.js';

/**
 * The journal is the commit point: a snapshot exists once its `snapshot` entry is written. Entries are
 * `journal/<seq>`; each carries the previous entry's MAC and its own HMAC under a key kept outside the
 * repository, so deleting, editing or truncating history breaks the chain that `verify` walks.
 */
export type JournalOp =
  | { readonly op: 'init' }
  | { readonly op: 'snapshot'; readonly snapshot: string; readonly time: string }
  | { readonly op: 'forget'; readonly snapshots: string[] }
  | { readonly op: 'prune'; readonly packs: string[]; readonly snapshots: string[] };

export type JournalEntry = JournalOp & { readonly seq: number; readonly prev: string; readonly at: string; readonly mac: string };

const AAD = new TextEncoder().encode('guardrail-journal');
const GENESIS = '0'.repeat(64);
const SEQ_WIDTH = 10;

export const journalKeyOf = (seq: number): string => `journal/${String(seq).padStart(SEQ_WIDTH, '0')}`;

export function entryMac(key: Buffer, e: Omit<JournalEntry, 'mac'>): string {
  return hmacHex(key, JSON.stringify(e));
}

export interface ReadJournal {
  readonly entries: JournalEntry[];
  /** Keys under journal/ that are not a readable entry in sequence. */
  readonly problems: { key: string; message: string }[];
}

/** Reads every entry in order; reports gaps and unreadable entries rather than throwing. */
export async function readJournal(ctx: RepoContext): Promise<ReadJournal> {
  const problems: { key: string; message: string }[] = [];
  const entries: JournalEntry[] = [];
  let listed;
  try {
    listed = await ctx.storage.list('journal/');
  } catch (err) {
    throw toRepoError(err);
  }
  let expect = 0;
  for (const o of listed) {
    const seq = Number(o.key.slice('journal/'.length));
    if (!Number.isInteger(seq)) {
      problems.push({ key: o.key, message: 'unexpected file in journal/' });
      continue;
    }
    if (seq !== expect) problems.push({ key: journalKeyOf(expect), message: `journal entry ${expect} is missing` });
    expect = seq + 1;
    try {
      const e = openSealedJson<JournalEntry>(ctx, o.key, await ctx.storage.get(o.key), 'guardrail-journal', 'REPO_JOURNAL_BROKEN');
      if (e.seq !== seq) problems.push({ key: o.key, message: `entry claims seq ${e.seq}` });
      entries.push(e);
    } catch (err) {
      problems.push({ key: o.key, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { entries, problems };
}

/** Appends an entry after the last one; a concurrent append makes put fail with EXISTS and we retry. */
export async function appendJournal(ctx: RepoContext, op: JournalOp): Promise<JournalEntry> {
  const key = await ctx.trust.journalKey();
  if (!key) {
    throw new RepoError(
      'REPO_JOURNAL_KEY_MISSING',
      `journal key not found in ${ctx.trust.location}; copy journal.key from the machine that ran init`,
    );
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const { entries } = await readJournal(ctx);
    const last = entries.at(-1);
    const body = { ...op, seq: last ? last.seq + 1 : 0, prev: last?.mac ?? GENESIS, at: new Date(ctx.now()).toISOString() };
    const entry = { ...body, mac: entryMac(key, body) } as JournalEntry;
    try {
      await ctx.storage.put(journalKeyOf(entry.seq), seal(ctx.keys.enc, new TextEncoder().encode(JSON.stringify(entry)), AAD), retention(ctx));
    } catch (err) {
      if (isStorageError(err, 'STORAGE_EXISTS')) continue;
      throw toRepoError(err);
    }
    await ctx.trust.writeAnchor({ repoId: ctx.config.id, seq: entry.seq, mac: entry.mac, time: entry.at });
    return entry;
  }
  throw new RepoError('REPO_LOCKED', 'could not append to the journal: concurrent writers kept winning');
}

export { GENESIS };
