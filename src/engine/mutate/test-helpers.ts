/** Shared fixtures for the mutate tests: a Pod request and a scope over it. */
import { buildRequestData } from '../context/index.js';
import { inputFromResource } from '../input-from-resource.js';
import type { JsonObject, KyvernoPolicy, Rule } from '../policy-types.js';
import type { MutateScope } from './scope.js';

export const deps = { now: () => new Date('2026-01-01T00:00:00Z') };

export function podResource(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'foo', namespace: 'bar', ...metadata }, spec };
}

export function scopeFor(resource: JsonObject): MutateScope {
  return { data: buildRequestData(inputFromResource(resource, { operation: 'CREATE' })), deps, env: deps, overrides: {} };
}

export function mutateRule(mutate: JsonObject, extra: Partial<Rule> = {}): Rule {
  return { name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] }, mutate, ...extra };
}

export function policyOf(...rules: Rule[]): KyvernoPolicy {
  return { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'p' }, spec: { rules } };
}
