/** Shared shutdown state: /readyz reads it, the SIGTERM path sets it. */
export interface Lifecycle {
  readonly draining: boolean;
  markDraining(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    markDraining() {
      draining = true;
    },
  };
}
