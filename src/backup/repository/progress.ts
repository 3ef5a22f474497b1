/** Progress of a long operation; the CLI renders it as a bar on a TTY and as JSON lines otherwise. */
export interface Progress {
  readonly op: 'backup' | 'restore' | 'verify' | 'prune';
  readonly files: number;
  readonly bytes: number;
  /** Total bytes when known (restore, verify), for the ETA. */
  readonly totalBytes?: number;
  readonly elapsedMs: number;
  readonly done: boolean;
}

export type ProgressSink = (p: Progress) => void;

/** Calls the sink at most every `everyMs`, and always once at the end. */
export function createProgress(op: Progress['op'], sink: ProgressSink | undefined, totalBytes?: number, everyMs = 250) {
  const start = Date.now();
  let last = 0;
  const state = { files: 0, bytes: 0 };
  const emit = (done: boolean): void => {
    sink?.({ op, files: state.files, bytes: state.bytes, ...(totalBytes !== undefined ? { totalBytes } : {}), elapsedMs: Date.now() - start, done });
  };
  return {
    add(files: number, bytes: number): void {
      state.files += files;
      state.bytes += bytes;
      const now = Date.now();
      if (sink && now - last >= everyMs) {
        last = now;
        emit(false);
      }
    },
    done: () => emit(true),
  };
}

export type ProgressCounter = ReturnType<typeof createProgress>;

/** One line of a TTY bar: bytes, files, rate and ETA. */
export function formatProgressBar(p: Progress, width = 30): string {
  const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
  const rate = p.elapsedMs > 0 ? p.bytes / (p.elapsedMs / 1000) : 0;
  const frac = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : undefined;
  const bar = frac === undefined ? '' : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] `;
  const eta = frac !== undefined && rate > 0 && p.totalBytes ? `, ETA ${Math.ceil((p.totalBytes - p.bytes) / rate)} s` : '';
  return `${p.op} ${bar}${mib(p.bytes)}${p.totalBytes ? ` / ${mib(p.totalBytes)}` : ''}, ${p.files} files, ${mib(rate)}/s${eta}`;
}
