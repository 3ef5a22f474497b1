/**
 * compileCelPolicy: a Kyverno ValidatingPolicy / NamespacedValidatingPolicy (policies.kyverno.io
 * v1alpha1, v1beta1, v1) or a Kubernetes ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1)
 * to a CompiledCelPolicy, or the Issues that stop it. Every expression is compiled here, once.
 */
import type { Issue } from '../result.js';
import { autogenVariants } from './autogen.js';
import { compileBody } from './compile-body.js';
import { JSON_VARIABLES, KUBERNETES_VARIABLES, KYVERNO_VARIABLES, createIssueSink } from './compile-expr.js';
import { readFailurePolicy, readValidationActions } from './fields.js';
import type { CelPolicyKind, CompiledAutogen, CompiledCelPolicy, MatchResourcesSpec, ParamKind } from './types.js';

type Json = Record<string, unknown>;

export interface CompileCelPolicyOptions {
  /** Generate pod-controller copies of pod policies (Kyverno's default: on). */
  autogen?: boolean;
}

export type CompileCelPolicyResult = { ok: true; policy: CompiledCelPolicy } | { ok: false; issues: Issue[] };

const KYVERNO_VERSIONS = new Set(['policies.kyverno.io/v1alpha1', 'policies.kyverno.io/v1beta1', 'policies.kyverno.io/v1']);
const VAP_VERSIONS = new Set(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1']);

export function isCelPolicyDocument(doc: unknown): boolean {
  return policyKind(doc) !== undefined;
}

function policyKind(doc: unknown): CelPolicyKind | undefined {
  if (doc === null || typeof doc !== 'object') return undefined;
  const { apiVersion, kind } = doc as Json;
  if (typeof apiVersion !== 'string') return undefined;
  if (KYVERNO_VERSIONS.has(apiVersion) && (kind === 'ValidatingPolicy' || kind === 'NamespacedValidatingPolicy')) return kind;
  if (VAP_VERSIONS.has(apiVersion) && kind === 'ValidatingAdmissionPolicy') return kind;
  return undefined;
}

export function compileCelPolicy(doc: unknown, opts: CompileCelPolicyOptions = {}): CompileCelPolicyResult {
  const kind = policyKind(doc);
  if (kind === undefined) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a ValidatingPolicy or ValidatingAdmissionPolicy', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: unknown };
  const name = metadata?.name;
  const issues: Issue[] = [];
  if (typeof name !== 'string' || name === '') issues.push({ code: 'CEL_POLICY_INVALID', message: 'metadata.name is required', path: '/metadata/name', severity: 'error' });
  if (spec === null || typeof spec !== 'object') {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'spec is required', path: '/spec', severity: 'error' });
    return { ok: false, issues };
  }
  const s = spec as Json;
  const isVap = kind === 'ValidatingAdmissionPolicy';
  const evaluation = (s.evaluation ?? {}) as { mode?: unknown; admission?: { enabled?: unknown }; background?: { enabled?: unknown } };
  const mode = !isVap && evaluation.mode === 'JSON' ? 'JSON' : 'Kubernetes';
  if (!isVap && evaluation.mode !== undefined && evaluation.mode !== 'JSON' && evaluation.mode !== 'Kubernetes') {
    // Envoy and HTTP modes belong to Kyverno's authorization servers, not to admission.
    const message = `evaluation.mode ${JSON.stringify(evaluation.mode)} is not supported (Kubernetes or JSON)`;
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_MODE', message, path: '/spec/evaluation/mode', severity: 'error' }] };
  }
  const failurePolicy = readFailurePolicy(s.failurePolicy, '/spec/failurePolicy', issues);
  const validationActions = isVap ? [] : readValidationActions(s.validationActions, '/spec/validationActions', issues, ['Deny']);
  const sink = createIssueSink(mode === 'JSON' ? JSON_VARIABLES : isVap ? KUBERNETES_VARIABLES : KYVERNO_VARIABLES);
  const dialect = isVap ? 'kubernetes' : 'kyverno';
  const body = compileBody(s, '/spec', sink, dialect, failurePolicy);
  const matchConstraints = s.matchConstraints as MatchResourcesSpec | undefined;
  checkStructure(s, isVap, mode, issues);
  const autogen: CompiledAutogen[] = [];
  if (!isVap && mode === 'Kubernetes' && opts.autogen !== false) {
    for (const variant of autogenVariants(s)) {
      // Rewritten copies of expressions that compiled above; their issues would repeat the originals'.
      const quiet = createIssueSink(KYVERNO_VARIABLES);
      const vbody = compileBody(variant.spec, '/spec', quiet, dialect, failurePolicy);
      if (quiet.issues.length === 0) {
        autogen.push({ config: variant.config, kinds: variant.kinds, matchConstraints: variant.spec.matchConstraints as MatchResourcesSpec, body: vbody });
      }
    }
  }
  issues.push(...sink.issues);
  if (issues.length > 0) return { ok: false, issues };
  const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
  const policy: CompiledCelPolicy = {
    kind,
    name: name as string,
    ...(namespace !== undefined && { namespace }),
    body,
    failurePolicy,
    ...(matchConstraints !== undefined && { matchConstraints }),
    validationActions,
    mode,
    ...(isVap && s.paramKind !== undefined && { paramKind: s.paramKind as ParamKind }),
    autogen,
    admission: evaluation.admission?.enabled !== false,
    background: evaluation.background?.enabled !== false,
  };
  return { ok: true, policy };
}

/** Required fields (admissionregistration validation.go; Kyverno's vpol CRD). */
function checkStructure(spec: Json, isVap: boolean, mode: string, issues: Issue[]): void {
  const validations = Array.isArray(spec.validations) ? spec.validations.length : 0;
  const annotations = Array.isArray(spec.auditAnnotations) ? spec.auditAnnotations.length : 0;
  if (validations === 0 && annotations === 0) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'validations and auditAnnotations may not both be empty', path: '/spec/validations', severity: 'error' });
  }
  const match = spec.matchConstraints as MatchResourcesSpec | undefined;
  if (isVap && (!match || !Array.isArray(match.resourceRules) || match.resourceRules.length === 0)) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'matchConstraints.resourceRules is required', path: '/spec/matchConstraints/resourceRules', severity: 'error' });
  }
  if (!isVap && mode === 'Kubernetes' && match === undefined) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'matchConstraints is required unless evaluation.mode is JSON', path: '/spec/matchConstraints', severity: 'error' });
  }
}
