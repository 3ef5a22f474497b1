/**
 * Latency sampling for benchmarks: warm-up first (so V8 has optimised the hot path), then one sample per
 * call with the monotonic high-resolution clock. Samples are kept whole, not averaged, so tail
 * percentiles (p99) are real observations.
 */
import { percentile } from './stats.js';

export interface LatencyOptions {
  warmup: number;
  iterations: number;
}

export interface Latency {
  iterations: number;
  /** Wall-clock milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /**
   * Process CPU milliseconds per call (getrusage, µs resolution): unlike wall time it does not grow while
   * the process waits for a core, so on a loaded machine it shows what the code itself costs.
   */
  cpuP50: number;
  cpuP99: number;
}

export function summarise(samplesMs: readonly number[], cpuMs: readonly number[] = []): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const cpu = [...cpuMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    iterations: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean,
    max: sorted[sorted.length - 1] ?? 0,
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
  };
}

/** Times `fn` (sync or async) `iterations` times after `warmup` untimed calls. */
export async function measureLatency(fn: () => unknown, opts: LatencyOptions): Promise<Latency> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples = new Array<number>(opts.iterations);
  const cpu = new Array<number>(opts.iterations);
  for (let i = 0; i < opts.iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn();
    samples[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    cpu[i] = (c.user + c.system) / 1000;
  }
  return summarise(samples, cpu);
}

/**
 * Interleaves several measured functions round by round, so machine noise (another process, a GC of the
 * test runner, CPU frequency changes) hits every subject alike and ratios between them stay meaningful.
 */
export async function measureInterleaved(subjects: Record<string, () => unknown>, opts: LatencyOptions): Promise<Record<string, Latency>> {
  const names = Object.keys(subjects);
  for (const n of names) for (let i = 0; i < opts.warmup; i++) await subjects[n]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const round = 100;
  for (let done = 0; done < opts.iterations; done += round) {
    const count = Math.min(round, opts.iterations - done);
    for (const n of names) {
      const fn = subjects[n]!;
      const out = samples[n]!;
      const outCpu = cpu[n]!;
      for (let i = 0; i < count; i++) {
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        await fn();
        out.push(Number(process.hrtime.bigint() - t0) / 1e6);
        const c = process.cpuUsage(c0);
        outCpu.push((c.user + c.system) / 1000);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(samples[n]!, cpu[n]!)]));
}
