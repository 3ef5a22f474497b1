import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The last journal entry someone outside the repository saw: a truncated journal falls short of it. */
export interface Anchor {
  readonly repoId: string;
  readonly seq: number;
  readonly mac: string;
  readonly time: string;
}

/**
 * Keeps the journal HMAC key and the exported anchor OUTSIDE the repository, so whoever can write the
 * repository cannot also forge or shorten its history without `verify` noticing.
 */
export interface TrustStore {
  journalKey(): Promise<Buffer | undefined>;
  createJournalKey(): Promise<Buffer>;
  readAnchor(): Promise<Anchor | undefined>;
  writeAnchor(a: Anchor): Promise<void>;
  readonly location: string;
}

export function createMemoryTrustStore(): TrustStore {
  let key: Buffer | undefined;
  let anchor: Anchor | undefined;
  return {
    location: 'memory:',
    journalKey: async () => key,
    createJournalKey: async () => (key = randomBytes(32)),
    readAnchor: async () => anchor,
    writeAnchor: async (a) => {
      anchor = a;
    },
  };
}

/** A folder per repository (e.g. ~/.config/guardrail/trust/<repo id>): journal.key (0600) and anchor.json. */
export function createDirTrustStore(dir: string): TrustStore {
  const keyPath = join(dir, 'journal.key');
  const anchorPath = join(dir, 'anchor.json');
  const readOpt = async (p: string): Promise<Buffer | undefined> =>
    readFile(p).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
  return {
    location: dir,
    async journalKey() {
      const b = await readOpt(keyPath);
      return b ? Buffer.from(b.toString('utf8').trim(), 'hex') : undefined;
    },
    async createJournalKey() {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const k = randomBytes(32);
      await writeFile(keyPath, `${k.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      return k;
    },
    async readAnchor() {
      const b = await readOpt(anchorPath);
      return b ? (JSON.parse(b.toString('utf8')) as Anchor) : undefined;
    },
    async writeAnchor(a) {
      // Local state outside the repository, replaced as a whole: rename is right here.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tmp = `${anchorPath}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(a, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, anchorPath);
    },
  };
}
