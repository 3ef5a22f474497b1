/**
 * compileMutatingPolicy: a Kyverno MutatingPolicy (policies.kyverno.io v1alpha1, v1beta1, v1) or a
 * Kubernetes MutatingAdmissionPolicy (admissionregistration.k8s.io v1alpha1, v1beta1, v1) to a
 * CompiledMutatingPolicy, or the Issues that stop it. Every expression is compiled here, once.
 */
import type { Issue } from '../result.js';
import { mutatingAutogenVariants } from './autogen.js';
import { compileMutatingBody } from './compile-body.js';
import { createMutationSink } from './compile-expr.js';
import { KUBERNETES_VARIABLES, KYVERNO_VARIABLES, readFailurePolicy, type MatchResourcesSpec, type ParamKind } from './reuse.js';
import type { CompiledMutatingAutogen, CompiledMutatingPolicy, MutatingPolicyKind } from './types.js';

type Json = Record<string, unknown>;

export type CompileMutatingPolicyResult = { ok: true; policy: CompiledMutatingPolicy } | { ok: false; issues: Issue[] };

const KYVERNO_VERSIONS = new Set(['policies.kyverno.io/v1alpha1', 'policies.kyverno.io/v1beta1', 'policies.kyverno.io/v1']);
const MAP_VERSIONS = new Set(['admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1']);

export function mutatingPolicyKind(doc: unknown): MutatingPolicyKind | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  const { apiVersion, kind } = doc as Json;
  if (typeof apiVersion !== 'string') return undefined;
  if (KYVERNO_VERSIONS.has(apiVersion) && kind === 'MutatingPolicy') return kind;
  if (MAP_VERSIONS.has(apiVersion) && kind === 'MutatingAdmissionPolicy') return kind;
  return undefined;
}

export function isMutatingPolicyDocument(doc: unknown): boolean {
  return mutatingPolicyKind(doc) !== undefined;
}

const invalid = (message: string, path: string): Issue => ({ code: 'CEL_POLICY_INVALID', message, path, severity: 'error' });

export function compileMutatingPolicy(doc: unknown, opts: { autogen?: boolean } = {}): CompileMutatingPolicyResult {
  const kind = mutatingPolicyKind(doc);
  if (kind === undefined) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a MutatingPolicy or MutatingAdmissionPolicy', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: unknown };
  const issues: Issue[] = [];
  const name = metadata?.name;
  if (typeof name !== 'string' || name === '') issues.push(invalid('metadata.name is required', '/metadata/name'));
  if (spec === null || typeof spec !== 'object') return { ok: false, issues: [...issues, invalid('spec is required', '/spec')] };
  const s = spec as Json;
  const isMap = kind === 'MutatingAdmissionPolicy';
  const failurePolicy = readFailurePolicy(s.failurePolicy, '/spec/failurePolicy', issues);
  const reinvocationPolicy = readReinvocation(s.reinvocationPolicy, issues);
  const variables = isMap ? KUBERNETES_VARIABLES : KYVERNO_VARIABLES;
  const sink = createMutationSink(variables);
  const dialect = isMap ? 'kubernetes' : 'kyverno';
  const compiled = compileMutatingBody(s, '/spec', sink, dialect, failurePolicy);
  const matchConstraints = s.matchConstraints as MatchResourcesSpec | undefined;
  if (isMap && (!matchConstraints || !Array.isArray(matchConstraints.resourceRules) || matchConstraints.resourceRules.length === 0)) {
    issues.push(invalid('matchConstraints.resourceRules is required', '/spec/matchConstraints/resourceRules'));
  }
  if (!isMap && matchConstraints === undefined) issues.push(invalid('matchConstraints is required', '/spec/matchConstraints'));
  const autogen: CompiledMutatingAutogen[] = [];
  if (!isMap && opts.autogen !== false) {
    for (const variant of mutatingAutogenVariants(s)) {
      // Copies of expressions compiled above; their issues would repeat the originals'. Type names are
      // not checked: the copies nest `Object.metadata{...}` under the pod template, as Kyverno writes them.
      const quiet = createMutationSink(variables, { checkTypeNames: false });
      const body = compileMutatingBody(variant.spec, '/spec', quiet, dialect, failurePolicy);
      if (quiet.issues.length > 0) continue;
      autogen.push({ config: variant.config, kinds: variant.kinds, matchConstraints: variant.spec.matchConstraints as MatchResourcesSpec, ...body });
    }
  }
  issues.push(...sink.issues);
  if (issues.length > 0) return { ok: false, issues };
  const evaluation = (s.evaluation ?? {}) as { admission?: { enabled?: unknown }; background?: { enabled?: unknown } };
  return {
    ok: true,
    policy: {
      kind,
      name: name as string,
      ...compiled,
      failurePolicy,
      ...(matchConstraints !== undefined && { matchConstraints }),
      ...(isMap && s.paramKind !== undefined && { paramKind: s.paramKind as ParamKind }),
      reinvocationPolicy,
      autogen,
      admission: evaluation.admission?.enabled !== false,
      background: evaluation.background?.enabled !== false,
    },
  };
}

/** reinvocationPolicy: Never (default) or IfNeeded (admissionregistration v1beta1 ReinvocationPolicyType). */
function readReinvocation(value: unknown, issues: Issue[]): 'Never' | 'IfNeeded' {
  if (value === undefined || value === null || value === 'Never') return 'Never';
  if (value === 'IfNeeded') return value;
  issues.push(invalid(`reinvocationPolicy must be Never or IfNeeded, got ${JSON.stringify(value)}`, '/spec/reinvocationPolicy'));
  return 'Never';
}
