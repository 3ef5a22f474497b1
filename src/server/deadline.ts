/**
 * Races an evaluation against its budget. The evaluation is not cancelled (the engine has no abort
 * point); it finishes in the background and its result is dropped. A timer can only fire when the event
 * loop gets control, so the budget bounds time spent waiting on lookups (apiCall, ConfigMaps, registries),
 * not a synchronous stretch of CPU work.
 */
export type Deadline<T> = { done: true; value: T } | { done: false };

// One promise and one timer per admission (no Promise.race over extra promises): this runs on every request.
export function withDeadline<T>(work: Promise<T>, budgetMs: number): Promise<Deadline<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ done: false }), budgetMs);
    // A late settlement of the abandoned evaluation is ignored (a promise settles once), so a late
    // rejection never becomes an unhandled rejection.
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ done: true, value });
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
