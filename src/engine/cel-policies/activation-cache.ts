/**
 * One admission request is evaluated against many ValidatingPolicies with the same activation (no
 * params): build and convert it to CEL values once per request, not once per policy. The entry is
 * reused only while namespaceObject, authorizer and library handles are the same objects.
 */
import { toCelActivation } from '../cel/index.js';
import { RecentCache } from '../recent-cache.js';
import type { AdmissionInput } from '../request.js';
import { buildActivation, type ActivationInputs } from './activation.js';
import type { RequestAttributes } from './attributes.js';
import { NO_VARIABLES } from './variables.js';

interface Entry {
  namespaceObject: unknown;
  authorizer: unknown;
  libraries: unknown;
  activation: Record<string, unknown>;
}

/**
 * A few entries per request: ValidatingPolicies (with library handles) and validate.cel rules (without).
 * Keyed by the last few inputs, not a WeakMap (see recent-cache.ts).
 */
const cache = new RecentCache<AdmissionInput, Entry[]>(4);
const MAX_ENTRIES = 4;

/** The request's activation in CEL form (see CelEvalOptions.converted); `params` is always null here. */
export function convertedActivation(input: AdmissionInput, attrs: RequestAttributes, extra: Omit<ActivationInputs, 'params'>): Record<string, unknown> {
  let entries = cache.get(input);
  const hit = entries?.find((e) => e.namespaceObject === extra.namespaceObject && e.authorizer === extra.authorizer && e.libraries === extra.libraries);
  if (hit) return hit.activation;
  // With `variables` already empty, bodies without variables evaluate on this object without copying it.
  const activation = toCelActivation(buildActivation(input, attrs, extra));
  activation.variables = NO_VARIABLES;
  if (entries === undefined) cache.set(input, (entries = []));
  if (entries.length >= MAX_ENTRIES) entries.shift();
  entries.push({ namespaceObject: extra.namespaceObject, authorizer: extra.authorizer, libraries: extra.libraries, activation });
  return activation;
}
