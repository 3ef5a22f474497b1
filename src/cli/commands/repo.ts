/**
 * `guardrail repo ...`: the backup repository (init, backup, snapshots, restore, verify, forget, prune, unlock).
 * Thin: parses, calls src/backup/repository, formats. Exit 0 ok, 1 verification or operation failure,
 * 2 bad input (arguments, password, location, unknown snapshot).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { createDirTrustStore, formatProgressBar, initRepository, isRepoError, openRepository } from '../../backup/repository/index.js';
import { hasRules } from '../../backup/retention/index.js';
import { isStorageError, openStorage } from '../../backup/storage/index.js';
import type { GfsPolicy } from '../../backup/retention/index.js';
import type { Progress, PruneResult, Repository } from '../../backup/repository/index.js';

export interface RepoCliDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly isTTY: boolean;
}

const defaultDeps = (): RepoCliDeps => ({
  env: process.env,
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
});

interface CommonFlags {
  repo?: string;
  passwordFile?: string;
  trustDir?: string;
  quiet?: boolean;
}

const BAD_INPUT = new Set(['REPO_BAD_INPUT', 'REPO_WRONG_PASSWORD', 'REPO_NOT_FOUND', 'REPO_EXISTS', 'REPO_SNAPSHOT_NOT_FOUND', 'STORAGE_BAD_KEY']);

class CliInputError extends Error {}

function password(flags: CommonFlags, d: RepoCliDeps): string {
  if (flags.passwordFile) {
    try {
      return readFileSync(flags.passwordFile, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new CliInputError(`cannot read password file ${flags.passwordFile}`);
    }
  }
  const p = d.env.GUARDRAIL_REPO_PASSWORD;
  if (!p) throw new CliInputError('no password: set GUARDRAIL_REPO_PASSWORD or pass --password-file');
  return p;
}

function location(flags: CommonFlags, d: RepoCliDeps): string {
  const r = flags.repo ?? d.env.GUARDRAIL_REPOSITORY;
  if (!r) throw new CliInputError('no repository: pass -r REPO (a path or s3:ENDPOINT/BUCKET/PREFIX)');
  return r;
}

function trustFor(flags: CommonFlags, d: RepoCliDeps) {
  const base = flags.trustDir ?? d.env.GUARDRAIL_TRUST_DIR ?? join(d.env.HOME ?? homedir(), '.config', 'guardrail', 'trust');
  return (id: string) => createDirTrustStore(join(base, id || 'unknown'));
}

function progressSink(flags: CommonFlags, d: RepoCliDeps) {
  if (flags.quiet) return undefined;
  return (p: Progress): void => {
    if (d.isTTY) d.err(`\r\x1b[2K${formatProgressBar(p)}${p.done ? '\n' : ''}`);
    else d.err(`${JSON.stringify({ progress: p })}\n`);
  };
}

/** Repositories opened by the running command; closed when it ends so no socket or handle keeps us alive. */
const opened = new Set<Repository>();

async function open(flags: CommonFlags, d: RepoCliDeps): Promise<Repository> {
  const storage = openStorage(location(flags, d), d.env);
  try {
    const r = await openRepository({ storage, password: password(flags, d), trust: trustFor(flags, d) });
    opened.add(r);
    return r;
  } catch (err) {
    await storage.close();
    throw err;
  }
}

/** Runs an action with the exit-code contract: errors are values with codes, printed once. */
function run<A extends unknown[]>(d: () => RepoCliDeps, fn: (deps: RepoCliDeps, ...a: A) => Promise<number>) {
  return async (...a: A): Promise<void> => {
    const deps = d();
    try {
      process.exitCode = await fn(deps, ...a);
    } catch (err) {
      if (err instanceof CliInputError) {
        deps.err(`guardrail repo: ${err.message}\n`);
        process.exitCode = 2;
      } else if (isRepoError(err) || isStorageError(err)) {
        deps.err(`guardrail repo: ${err.code}: ${err.message}\n`);
        process.exitCode = BAD_INPUT.has(err.code) ? 2 : 1;
      } else {
        throw err;
      }
    } finally {
      for (const r of opened) await r.close().catch(() => undefined);
      opened.clear();
    }
  };
}

const common = (c: Command): Command =>
  c
    .option('-r, --repo <repo>', 'repository: a path or s3:ENDPOINT/BUCKET/PREFIX (env GUARDRAIL_REPOSITORY)')
    .option('--password-file <file>', 'read the password from a file (else env GUARDRAIL_REPO_PASSWORD)')
    .option('--trust-dir <dir>', 'where the journal key and anchor live, outside the repository (env GUARDRAIL_TRUST_DIR)')
    .option('-q, --quiet', 'no progress output');

const pruneLine = (pr: PruneResult): string =>
  `pruned ${pr.deletedPacks.length} packs (${pr.reclaimedBytes} bytes reclaimed; ${pr.repackedPacks.length} partly used packs repacked into ${pr.newPacks.length}), ${pr.deletedSnapshots.length} manifests; ${pr.retained} still under retention\n`;

const int = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CliInputError(`not a non-negative integer: ${v}`);
  return n;
};

export function registerRepoCommand(program: Command, deps: () => RepoCliDeps = defaultDeps): void {
  const repo = program.command('repo').description('encrypted, deduplicating, immutable backup repository');

  common(repo.command('init').description('create a repository'))
    .option('--protection-days <n>', 'protect every object this many days (Object Lock on S3)', '7')
    .addOption(new Option('--lock-mode <mode>', 'S3 Object Lock mode').choices(['COMPLIANCE', 'GOVERNANCE']).default('COMPLIANCE'))
    .addOption(new Option('--compression <name>', 'compression codec').choices(['brotli', 'gzip', 'none']).default('brotli'))
    .action(
      run(deps, async (d, flags: CommonFlags & { protectionDays: string; lockMode: 'COMPLIANCE' | 'GOVERNANCE'; compression: 'brotli' | 'gzip' | 'none' }) => {
        const r = await initRepository({
          storage: openStorage(location(flags, d), d.env),
          password: password(flags, d),
          trust: trustFor(flags, d),
          protectionMs: int(flags.protectionDays) * 86_400_000,
          lockMode: flags.lockMode,
          compression: { name: flags.compression, level: flags.compression === 'gzip' ? 6 : 1 },
        });
        opened.add(r);
        const imm = await r.immutability();
        d.out(`${r.id}\n`);
        d.err(`created repository ${r.id}; immutability: ${imm.level} (${imm.detail})\n`);
        return 0;
      }),
    );

  common(repo.command('backup').description('back up files and folders').argument('<paths...>'))
    .option('--tag <tag>', 'tag the snapshot (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .action(
      run(deps, async (d, paths: string[], flags: CommonFlags & { tag: string[] }) => {
        const r = await open(flags, d);
        const res = await r.backup(paths, { tags: flags.tag, ...(progressSink(flags, d) ? { onProgress: progressSink(flags, d) } : {}) });
        d.out(`${res.snapshot}\n`);
        const s = res.summary;
        d.err(`snapshot ${res.snapshot.slice(0, 8)}: ${s.files} files, ${s.bytes} bytes, added ${s.addedBytes} bytes in ${s.addedPacks} packs\n`);
        return 0;
      }),
    );

  common(repo.command('snapshots').description('list committed snapshots'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      run(deps, async (d, flags: CommonFlags & { output: 'table' | 'json' }) => {
        const list = await (await open(flags, d)).snapshots();
        if (flags.output === 'json') {
          d.out(`${JSON.stringify(list.map((s) => ({ id: s.id, signed: s.signed, ...s.snapshot })), null, 2)}\n`);
        } else {
          for (const s of list) d.out(`${s.short}  ${s.snapshot.time}  ${s.snapshot.hostname}  ${s.snapshot.tags.join(',') || '-'}  ${s.snapshot.paths.join(' ')}${s.signed ? '' : '  UNSIGNED'}\n`);
        }
        d.err(`${list.length} snapshot${list.length === 1 ? '' : 's'}\n`);
        return 0;
      }),
    );

  common(repo.command('restore').description('restore a snapshot (id, prefix or latest)').argument('<snapshot>'))
    .requiredOption('--target <dir>', 'folder to restore into (existing files are never overwritten)')
    .action(
      run(deps, async (d, ref: string, flags: CommonFlags & { target: string }) => {
        const sink = progressSink(flags, d);
        const res = await (await open(flags, d)).restore(ref, flags.target, sink ? { onProgress: sink } : {});
        d.err(`restored ${res.snapshot.slice(0, 8)}: ${res.files} files, ${res.bytes} bytes into ${flags.target}\n`);
        return 0;
      }),
    );

  common(repo.command('verify').description('check every hash, auth tag, the journal chain and every snapshot'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      run(deps, async (d, flags: CommonFlags & { output: 'table' | 'json' }) => {
        const r = await open(flags, d);
        const sink = progressSink(flags, d);
        const v = await r.verify(sink ? { onProgress: sink } : {});
        const imm = await r.immutability();
        if (flags.output === 'json') d.out(`${JSON.stringify({ ...v, immutability: imm }, null, 2)}\n`);
        else for (const p of v.problems) d.out(`${p.code}  ${p.key}  ${p.message}\n`);
        for (const n of v.notes) d.err(`note: ${n}\n`);
        d.err(`${v.ok ? 'ok' : 'FAILED'}: ${v.packs} packs, ${v.blobs} blobs, ${v.snapshots} snapshots, ${v.problems.length} problems; immutability ${imm.level}\n`);
        return v.ok ? 0 : 1;
      }),
    );

  const keep = (c: Command): Command =>
    ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'].reduce((cmd, k) => cmd.option(`--keep-${k} <n>`, `keep the newest ${k === 'last' ? 'N snapshots' : `snapshot of the last N ${k} buckets`}`), c);
  keep(common(repo.command('forget').description('forget snapshots by GFS policy or by id').argument('[ids...]')))
    .option('--min-keep <n>', 'always keep the newest N good snapshots')
    .option('--timezone <tz>', 'IANA time zone for calendar buckets', 'UTC')
    .option('--dry-run', 'print the plan, change nothing')
    .option('--prune', 'prune unreferenced data afterwards')
    .action(
      run(deps, async (d, ids: string[], flags: CommonFlags & Record<string, string | boolean | undefined>) => {
        const policy: GfsPolicy = { timeZone: String(flags.timezone) };
        const p: Record<string, number> = {};
        for (const k of ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly']) {
          const v = flags[`keep${k[0]?.toUpperCase()}${k.slice(1)}`];
          if (typeof v === 'string') p[k] = int(v);
        }
        if (typeof flags.minKeep === 'string') p.minKeep = int(flags.minKeep);
        Object.assign(policy, p);
        if (ids.length === 0 && !hasRules(policy)) throw new CliInputError('give snapshot ids or at least one --keep-* rule');
        const r = await open(flags, d);
        const res = await r.forget(ids.length > 0 ? { ids, dryRun: Boolean(flags.dryRun) } : { policy, dryRun: Boolean(flags.dryRun) });
        for (const k of res.plan.keep) d.out(`keep    ${k.id.slice(0, 8)}  ${k.reasons.join('; ')}\n`);
        for (const f of res.plan.forget) d.out(`forget  ${f.slice(0, 8)}\n`);
        for (const i of res.plan.ignored) d.out(`ignore  ${i.id.slice(0, 8)}  ${i.reason}\n`);
        d.err(`${flags.dryRun ? 'would forget' : 'forgot'} ${res.plan.forget.length}, kept ${res.plan.keep.length}\n`);
        if (flags.prune && !flags.dryRun) {
          const pr = await r.prune();
          d.err(pruneLine(pr));
        }
        return 0;
      }),
    );

  common(repo.command('prune').description('remove data no snapshot references (after the grace period and retention)'))
    .option('--grace-hours <n>', 'keep unreferenced data younger than this', '24')
    .option('--max-unused <percent>', 'repack packs with more than this percentage of unused bytes (100: never)', '20')
    .action(
      run(deps, async (d, flags: CommonFlags & { graceHours: string; maxUnused: string }) => {
        const pct = int(flags.maxUnused);
        if (pct > 100) throw new CliInputError(`--max-unused is a percentage: ${flags.maxUnused}`);
        const pr = await (await open(flags, d)).prune({ graceMs: int(flags.graceHours) * 3_600_000, repackUnused: pct / 100 });
        d.err(pruneLine(pr));
        return 0;
      }),
    );

  common(repo.command('unlock').description('release stale locks (their process on this host is gone)'))
    .option('--remove-all', 'release every lock, whoever holds it (only when no other guardrail uses the repository)')
    .action(
      run(deps, async (d, flags: CommonFlags & { removeAll?: boolean }) => {
        const res = await (await open(flags, d)).unlock({ all: Boolean(flags.removeAll) });
        for (const l of res.released) d.out(`released  ${l.id}  ${l.host} pid ${l.pid}  ${l.exclusive ? 'exclusive' : 'shared'}\n`);
        for (const l of res.kept) d.out(`kept      ${l.id}  ${l.host} pid ${l.pid}  ${l.exclusive ? 'exclusive' : 'shared'}  until ${new Date(l.expires).toISOString()}\n`);
        d.err(`released ${res.released.length} lock${res.released.length === 1 ? '' : 's'}, ${res.kept.length} still held; deleted ${res.removed} expired lock objects\n`);
        return 0;
      }),
    );

  common(repo.command('extend-locks').description('extend retention of everything in force (maintenance)')).action(
    run(deps, async (d, flags: CommonFlags) => {
      const res = await (await open(flags, d)).extendLocks();
      d.err(`extended retention of ${res.extended} objects\n`);
      return 0;
    }),
  );
}
