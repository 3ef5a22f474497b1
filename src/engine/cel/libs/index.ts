import type { Environment } from '@marcbachmann/cel-js';

/** Registers every Kubernetes CEL library on `env` (filled in step 3). */
export function registerKubernetesLibraries(env: Environment): void {
  void env;
}
