import { describe, expect, it } from 'vitest';
import { formatProgressBar } from './progress.js';

describe('progress bar', () => {
  it('shows bytes, files, rate and ETA', () => {
    const line = formatProgressBar({ op: 'backup', files: 12, bytes: 50 * 1048576, totalBytes: 100 * 1048576, elapsedMs: 5000, done: false }, 10);
    expect(line).toBe('backup [#####.....] 50.0 MiB / 100.0 MiB, 12 files, 10.0 MiB/s, ETA 5 s');
  });
  it('has no bar or ETA without a total', () => {
    expect(formatProgressBar({ op: 'verify', files: 1, bytes: 0, elapsedMs: 0, done: true })).toBe('verify 0.0 MiB, 1 files, 0.0 MiB/s');
  });
});
