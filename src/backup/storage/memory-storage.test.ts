import { createMemoryStorage } from './memory-storage.js';
import { storageSuite } from './storage-suite.js';

let now = Date.now();
storageSuite('memory', async () => ({
  storage: createMemoryStorage({ now: () => now }),
  retentionMs: 3600_000,
  now: () => now,
  advance: async (ms) => {
    now += ms;
  },
  cleanup: async () => {},
}));
