/**
 * Races an evaluation against its budget. The evaluation is not cancelled (the engine has no abort
 * point); it finishes in the background and its result is dropped. A timer can only fire when the event
 * loop gets control, so the budget bounds time spent waiting on lookups (apiCall, ConfigMaps, registries),
 * not a synchronous stretch of CPU work.
 */
export type Deadline<T> = { done: true; value: T } | { done: false };

export async function withDeadline<T>(work: Promise<T>, budgetMs: number): Promise<Deadline<T>> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Deadline<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), budgetMs);
  });
  try {
    return await Promise.race([work.then((value): Deadline<T> => ({ done: true, value })), expired]);
  } finally {
    clearTimeout(timer);
    // A late rejection of the abandoned evaluation must not become an unhandled rejection.
    work.catch(() => undefined);
  }
}
