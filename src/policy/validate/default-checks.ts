import type { PolicyChecks } from './checks.js';

/**
 * The engine's checks, wired in once they exist (src/engine/variables, pattern, conditions). Until then
 * the validator runs without them; inject your own `checks` to test.
 */
export const defaultChecks: PolicyChecks = {};
