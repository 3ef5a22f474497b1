import { GENESIS, entryMac, readJournal } from './journal.js';
import type { RepoContext } from './context.js';
import type { JournalEntry } from './journal.js';
import type { Problem } from './verify.js';

/** Walks the hash chain and compares its head with the anchor exported outside the repository. */
export async function verifyJournal(ctx: RepoContext, problems: Problem[], notes: string[]): Promise<JournalEntry[]> {
  const { entries, problems: read } = await readJournal(ctx);
  for (const p of read) problems.push({ code: 'REPO_JOURNAL_BROKEN', key: p.key, message: p.message });
  const key = await ctx.trust.journalKey();
  if (!key) notes.push(`journal MACs not checked: no journal key in ${ctx.trust.location}`);
  let prev = GENESIS;
  for (const e of entries) {
    const { mac, ...body } = e;
    if (e.prev !== prev) {
      problems.push({ code: 'REPO_JOURNAL_BROKEN', key: `journal/${e.seq}`, message: `journal entry ${e.seq} does not chain to entry ${e.seq - 1} (history deleted or edited)` });
    }
    if (key && entryMac(key, body) !== mac) {
      problems.push({ code: 'REPO_JOURNAL_BROKEN', key: `journal/${e.seq}`, message: `journal entry ${e.seq} fails its HMAC (edited)` });
    }
    prev = mac;
  }
  if (entries.length === 0 || entries[0]?.op !== 'init') {
    problems.push({ code: 'REPO_JOURNAL_BROKEN', key: 'journal/', message: 'journal does not start with its init entry (history deleted)' });
  }
  const anchor = await ctx.trust.readAnchor();
  const head = entries.at(-1);
  if (!anchor) {
    notes.push(`no exported anchor in ${ctx.trust.location}: truncation of the journal's tail cannot be detected`);
  } else if (!head || head.seq < anchor.seq) {
    problems.push({
      code: 'REPO_JOURNAL_BROKEN',
      key: 'journal/',
      message: `journal truncated: the anchor records entry ${anchor.seq} (${anchor.time}) but the journal ends at ${head ? head.seq : 'nothing'}`,
    });
  } else if (entries.find((e) => e.seq === anchor.seq)?.mac !== anchor.mac) {
    problems.push({ code: 'REPO_JOURNAL_BROKEN', key: `journal/${anchor.seq}`, message: `journal entry ${anchor.seq} differs from the exported anchor (history rewritten)` });
  }
  return entries;
}
