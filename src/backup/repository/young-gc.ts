import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Backup and restore allocate a few large buffers per chunk and almost no JS objects, so V8 sees no reason
 * to collect until ~64 MiB of dead buffers pile up per thread (its external-memory trigger), and glibc keeps
 * what they held. A minor collection (young generation only, well under a millisecond) every `every` bytes
 * frees the buffers of the chunks done since. Exposing `gc` is a process-wide V8 flag; nothing else reads it.
 */
export function createYoungGc(every: number): (bytes: number) => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (o: { type: 'minor' | 'major' }) => void;
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < every) return;
    since = 0;
    gc({ type: 'minor' });
  };
}
