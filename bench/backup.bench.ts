/**
 * `npm run bench:backup`: guardrail's repository against restic on a generated mixed dataset (default 1 GiB;
 * BENCH_SIZE_MB to change). Reports backup and restore throughput ratios, repository size ratio and peak
 * memory (max RSS from /usr/bin/time). Goals: >= 1.0x restic throughput, size within 5%, peak <= 256 MB.
 * Guardrail runs as users run it: `bin/guardrail.js repo ...`, default glibc malloc settings, compiled: the bench
 * builds dist/ first and pins bin/guardrail.js to it (GUARDRAIL_USE_DIST=1), so another edit under src/ during
 * the run cannot switch the CLI to tsx halfway (~60 MB more RSS). BENCH_TSX=1 measures the tsx path instead.
 * Each tool runs BENCH_RUNS times (default 4: each goes first equally often, since file creation right
 * after the other tool's mass deletes is slower), alternating, so load from other processes hits both alike;
 * the table shows medians, and CPU seconds (user + sys), which a busy machine disturbs less than wall time.
 * Needs restic (Debian: apt-get install -y restic) and /usr/bin/time (Debian: time).
 * The dataset is cached under .cache/bench-data-<size> (git-ignored); temp repositories are removed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const MiB = 1024 * 1024;
const sizeMb = Number(process.env.BENCH_SIZE_MB ?? 1024);
const password = 'bench-password';

/** Pseudo-text: words from a fixed vocabulary, so it compresses like source code and logs do. */
function text(bytes: number, seed: number): Buffer {
  const words = 'the of and to in is for on that with as by this be are from or at an it not config value error request handled time user id name status true false null return function const let import export'.split(' ');
  const parts: string[] = [];
  let n = 0;
  let x = seed;
  while (n < bytes) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const w = words[x % words.length] as string;
    const s = x % 17 === 0 ? `${w}\n` : x % 5 === 0 ? `${w}=${x % 10007} ` : `${w} `;
    parts.push(s);
    n += s.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

/** 45% random (media, archives), 35% text in mid-size files, 10% small files, 10% duplicated data. */
async function dataset(dir: string): Promise<void> {
  if (existsSync(join(dir, '.complete'))) return;
  await rm(dir, { recursive: true, force: true });
  const total = sizeMb * MiB;
  await mkdir(join(dir, 'media'), { recursive: true });
  await mkdir(join(dir, 'text'), { recursive: true });
  await mkdir(join(dir, 'dup'), { recursive: true });
  let i = 0;
  for (let n = 0; n < total * 0.45; i++) {
    const size = [37, 64, 5, 120][i % 4]! * MiB;
    await writeFile(join(dir, 'media', `m${i}.bin`), randomBytes(size));
    n += size;
  }
  for (let n = 0; n < total * 0.35; i++) {
    const size = [3, 9, 1, 20][i % 4]! * MiB;
    await writeFile(join(dir, 'text', `t${i}.log`), text(size, i));
    n += size;
  }
  const small = Math.floor((total * 0.1) / (12 * 1024));
  for (let d = 0; d * 100 < small; d++) {
    await mkdir(join(dir, 'small', `d${d}`), { recursive: true });
    for (let f = 0; f < 100 && d * 100 + f < small; f++) {
      const b = (d + f) % 3 === 0 ? randomBytes(4096 + ((d * 100 + f) % 20000)) : text(4096 + ((d * 100 + f) % 20000), d * 1000 + f);
      await writeFile(join(dir, 'small', `d${d}`, `f${f}`), b);
    }
  }
  const first = (await readdir(join(dir, 'media')))[0] as string;
  for (let n = 0, k = 0; n < total * 0.1; k++) {
    execFileSync('cp', [join(dir, 'media', first), join(dir, 'dup', `copy${k}.bin`)]);
    n += (await stat(join(dir, 'media', first))).size;
  }
  await writeFile(join(dir, '.complete'), 'ok');
}

async function du(dir: string): Promise<number> {
  return Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
}

/** Runs a command under /usr/bin/time for wall time, CPU time and peak RSS; dirty pages are flushed first. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Run {
  // Otherwise the previous step's writeback (a restore writes 1 GiB) lands in this step's time.
  spawnSync('sync');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M CPU=%U+%S', cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * MiB });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const kb = Number(/MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { seconds, cpuSeconds: Number(cpu?.[1] ?? 0) + Number(cpu?.[2] ?? 0), maxRssMb: kb / 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** The median of each field over runs. */
function med(runs: Run[]): Run {
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

function compressionTable(sample: Buffer): void {
  const algos: Record<string, (b: Buffer) => Buffer> = {
    'gzip-1': (b) => zlib.gzipSync(b, { level: 1 }),
    'gzip-6': (b) => zlib.gzipSync(b, { level: 6 }),
    'brotli-1': (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
    'brotli-3': (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } }),
  };
  console.log('compression on a mixed sample, 1 MiB chunks (zstd is absent from Node 20 zlib):');
  for (const [name, f] of Object.entries(algos)) {
    let out = 0;
    const t0 = performance.now();
    for (let o = 0; o < sample.length; o += MiB) out += f(sample.subarray(o, o + MiB)).length;
    const s = (performance.now() - t0) / 1000;
    console.log(`  ${name.padEnd(9)} ratio ${(out / sample.length).toFixed(3)}  ${(sample.length / MiB / s).toFixed(0)} MiB/s`);
  }
}

const fmt = (r: Run | undefined): string => (r ? `${r.seconds.toFixed(1)} s (cpu ${r.cpuSeconds.toFixed(1)} s, ${r.maxRssMb.toFixed(0)} MB)` : '-');

/** Compiles src/ to dist/; type errors elsewhere in the tree still emit, so only a missing CLI is fatal. */
function build(): void {
  const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) console.log(`build reported errors (emitted anyway):\n${r.stdout.slice(0, 1000)}`);
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('no dist/cli/main.js after the build');
}

async function main(): Promise<void> {
  const restic = spawnSync('restic', ['version'], { encoding: 'utf8' });
  if (restic.status !== 0) throw new Error('restic not found: apt-get install -y restic');
  const data = join(root, '.cache', `bench-data-${sizeMb}`);
  console.log(`dataset: ${data} (${sizeMb} MiB)`);
  await dataset(data);
  const bytes = await du(data);
  compressionTable(Buffer.concat([randomBytes(16 * MiB), text(32 * MiB, 1)]));
  const tsx = process.env.BENCH_TSX === '1';
  if (!tsx) build();
  const work = await mkdtemp(join(tmpdir(), 'gr-bench-'));
  const env = { GUARDRAIL_REPO_PASSWORD: password, RESTIC_PASSWORD: password, GUARDRAIL_TRUST_DIR: join(work, 'trust'), GUARDRAIL_USE_DIST: tsx ? '0' : '1' };
  console.log(`guardrail: ${tsx ? 'TypeScript sources through tsx' : 'compiled dist/'}`);
  const gr = [join(root, 'bin', 'guardrail.js'), 'repo'];
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
  const all = { ob: [] as Run[], or: [] as Run[], rb: [] as Run[], rr: [] as Run[] };
  let oursSize = 0;
  let resticSize = 0;
  let same = true;
  try {
    for (let i = 0; i < runs; i++) {
      const ours = join(work, `ours-${i}`);
      const theirs = join(work, `restic-${i}`);
      timed('node', [...gr, 'init', '-r', ours, '-q'], env);
      timed('restic', ['init', '--repo', theirs], env);
      // Alternate who goes first, so neither always meets a warm (or cold) page cache.
      const backups = [() => all.ob.push(timed('node', [...gr, 'backup', '-r', ours, '-q', data], env)), () => all.rb.push(timed('restic', ['backup', '--repo', theirs, '--quiet', data], env))];
      for (const f of i % 2 ? backups.reverse() : backups) f();
      const restores = [
        () => all.or.push(timed('node', [...gr, 'restore', '-r', ours, '-q', 'latest', '--target', join(work, `ours-out-${i}`)], env)),
        () => all.rr.push(timed('restic', ['restore', '--repo', theirs, 'latest', '--target', join(work, `restic-out-${i}`)], env)),
      ];
      for (const f of i % 2 ? restores.reverse() : restores) f();
      const diff = spawnSync('diff', ['-rq', data, join(work, `ours-out-${i}`, data.split('/').at(-1) as string)], { encoding: 'utf8' });
      same &&= diff.status === 0 && diff.stdout === '';
      [oursSize, resticSize] = [await du(ours), await du(theirs)];
      console.log(`run ${i + 1}/${runs}: backup ${fmt(all.ob.at(-1))} vs restic ${fmt(all.rb.at(-1))}; restore ${fmt(all.or.at(-1))} vs restic ${fmt(all.rr.at(-1))}`);
      await rm(join(work, `ours-out-${i}`), { recursive: true, force: true });
      await rm(join(work, `restic-out-${i}`), { recursive: true, force: true });
      await rm(ours, { recursive: true, force: true });
      await rm(theirs, { recursive: true, force: true });
    }
    const [oursBackup, resticBackup, oursRestore, resticRestore] = [med(all.ob), med(all.rb), med(all.or), med(all.rr)];
    const mbps = (r: Run): string => (bytes / MiB / r.seconds).toFixed(0);
    const table = {
      dataset_MiB: (bytes / MiB).toFixed(0),
      runs,
      backup_MiBps: { guardrail: mbps(oursBackup), restic: mbps(resticBackup), ratio: (resticBackup.seconds / oursBackup.seconds).toFixed(2) },
      restore_MiBps: { guardrail: mbps(oursRestore), restic: mbps(resticRestore), ratio: (resticRestore.seconds / oursRestore.seconds).toFixed(2) },
      cpu_seconds: {
        guardrail_backup: oursBackup.cpuSeconds.toFixed(1),
        restic_backup: resticBackup.cpuSeconds.toFixed(1),
        guardrail_restore: oursRestore.cpuSeconds.toFixed(1),
        restic_restore: resticRestore.cpuSeconds.toFixed(1),
      },
      repo_MiB: { guardrail: (oursSize / MiB).toFixed(1), restic: (resticSize / MiB).toFixed(1), ratio: (oursSize / resticSize).toFixed(3) },
      peak_rss_MB: {
        guardrail_backup: oursBackup.maxRssMb.toFixed(0),
        guardrail_restore: oursRestore.maxRssMb.toFixed(0),
        restic_backup: resticBackup.maxRssMb.toFixed(0),
        restic_restore: resticRestore.maxRssMb.toFixed(0),
      },
      restore_identical: same,
    };
    console.log(JSON.stringify(table, null, 2));
    const goals = [
      ['backup throughput >= 1.0x restic', resticBackup.seconds / oursBackup.seconds >= 1],
      ['restore throughput >= 1.0x restic', resticRestore.seconds / oursRestore.seconds >= 1],
      ['repository size within 5% of restic', oursSize <= resticSize * 1.05],
      ['peak memory <= 256 MB', Math.max(oursBackup.maxRssMb, oursRestore.maxRssMb) <= 256],
    ] as const;
    for (const [goal, met] of goals) console.log(`${met ? 'MET   ' : 'MISSED'} ${goal}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
