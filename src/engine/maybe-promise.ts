/**
 * Values that are usually ready now and only sometimes awaited (a rule with an apiCall context). The
 * engine chains them without `await` so that a request whose rules are all synchronous never yields to
 * the microtask queue: an `await` per rule was a measurable part of a webhook request with 25 policies.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(x: MaybePromise<T>): x is Promise<T> {
  return x instanceof Promise;
}

/** `f(x)` now when x is ready, else after it settles. (Not named `then`: a module exporting `then` is a thenable namespace, which `await import()` would call.) */
export function andThen<T, U>(x: MaybePromise<T>, f: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(x) ? x.then(f) : f(x);
}
