/**
 * Log lines gathered in front of pino's asynchronous stdout destination (SonicBoom) and handed to it
 * about 4 KiB at a time. SonicBoom with minLength appends each line to its pending string and measures
 * that whole string (Buffer.byteLength, which first flattens the concatenation) on every write: with
 * ~250-byte admission lines and up to 16 KiB pending, ~3-5 µs per line on the bench machine, more than
 * building the line. Here a line costs a concatenation and a length sum; SonicBoom sees one write per
 * batch. Lines stay in order; what is pending goes to SonicBoom every 100 ms, on flush() and
 * flushSync() (pino calls them for logger.flush() and fatal lines) and when the process ends, so a
 * crash or a SIGTERM still writes every line.
 */
import type { DestinationStream } from 'pino';

export interface LineTarget {
  write(s: string): unknown;
  flush?(cb?: (err?: Error) => void): void;
  flushSync?(): void;
  destroyed?: boolean;
}

export interface LineBatch extends DestinationStream {
  write(line: string): void;
  flush(cb?: (err?: Error) => void): void;
  flushSync(): void;
}

export interface LineBatchOptions {
  /** Characters gathered before a hand-over (default 4096). */
  minLength?: number;
  /** Pending lines are handed over at least this often (default 100 ms). */
  intervalMs?: number;
}

interface Live {
  handOver(): void;
  exitFlush(): void;
}
const live = new Set<Live>();
let exitHooked = false;

/** One pair of process listeners for every batch (not one per logger): pending lines reach the target before the process ends. */
function onExit(batch: Live): void {
  live.add(batch);
  if (exitHooked) return;
  exitHooked = true;
  // beforeExit: the event loop still runs, SonicBoom writes asynchronously (pino's own hook flushes it).
  process.on('beforeExit', () => live.forEach((b) => b.handOver()));
  process.on('exit', () => live.forEach((b) => b.exitFlush()));
}

export function createLineBatch(target: LineTarget, opts: LineBatchOptions = {}): LineBatch {
  const minLength = opts.minLength ?? 4096;
  let pending = '';
  const handOver = (): void => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    // A destroyed target can write nothing: its lines are dropped, not kept growing.
    if (!target.destroyed) target.write(chunk);
  };
  const exitFlush = (): void => {
    if (pending === '' || target.destroyed) return;
    handOver();
    // No event loop left at 'exit': write synchronously (pino's own exit hook may already have run).
    try {
      target.flushSync?.();
    } catch {
      // SonicBoom not open yet or closed: nothing more can be written.
    }
  };
  onExit({ handOver, exitFlush });
  setInterval(() => {
    if (pending === '') return;
    handOver();
    // The target may hold the chunk for its own minLength; the interval is the promise of freshness.
    target.flush?.();
  }, opts.intervalMs ?? 100).unref();
  return {
    write(line) {
      pending += line;
      if (pending.length >= minLength) handOver();
    },
    flush(cb) {
      handOver();
      if (target.flush) target.flush(cb);
      else cb?.();
    },
    flushSync() {
      handOver();
      target.flushSync?.();
    },
  };
}
