/**
 * Bounds the bytes held by work in flight (chunks being hashed, compressed, sealed; blobs being restored),
 * so peak memory does not scale with chunk size: eight 8 MiB chunks in flight would hold ~200 MiB with
 * their copies. One holder may always exceed the budget alone, so a single huge item never deadlocks.
 */
export function createByteBudget(limit: number) {
  let used = 0;
  const waiters: (() => void)[] = [];
  return {
    async acquire(n: number): Promise<void> {
      while (used > 0 && used + n > limit) await new Promise<void>((r) => waiters.push(r));
      used += n;
    },
    /** Takes `n` only if it fits right now. */
    tryAcquire(n: number): boolean {
      if (used > 0 && used + n > limit) return false;
      used += n;
      return true;
    },
    release(n: number): void {
      used -= n;
      for (const w of waiters.splice(0)) w();
    },
  };
}

export type ByteBudget = ReturnType<typeof createByteBudget>;
