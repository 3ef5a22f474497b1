/**
 * One admission request is evaluated against many ValidatingPolicies with the same activation (no
 * params): build and convert it to CEL values once per request, not once per policy. The entry is
 * reused only while namespaceObject, authorizer and library handles are the same objects.
 */
import { toCelActivation } from '../cel/index.js';
import type { AdmissionInput } from '../request.js';
import { buildActivation, type ActivationInputs } from './activation.js';
import type { RequestAttributes } from './attributes.js';

interface Entry {
  namespaceObject: unknown;
  authorizer: unknown;
  libraries: unknown;
  activation: Record<string, unknown>;
}

const cache = new WeakMap<AdmissionInput, Entry>();

/** The request's activation in CEL form (see CelEvalOptions.converted); `params` is always null here. */
export function convertedActivation(input: AdmissionInput, attrs: RequestAttributes, extra: Omit<ActivationInputs, 'params'>): Record<string, unknown> {
  const hit = cache.get(input);
  if (hit && hit.namespaceObject === extra.namespaceObject && hit.authorizer === extra.authorizer && hit.libraries === extra.libraries) {
    return hit.activation;
  }
  const activation = toCelActivation(buildActivation(input, attrs, extra));
  cache.set(input, { namespaceObject: extra.namespaceObject, authorizer: extra.authorizer, libraries: extra.libraries, activation });
  return activation;
}
