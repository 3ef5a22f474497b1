/**
 * ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io/v1): which policy, which params,
 * which resources (intersected with the policy's matchConstraints) and which actions.
 */
import type { Issue } from '../result.js';
import { checkDenyWithWarn, readValidationActions } from './fields.js';
import type { CompiledBinding, CompiledCelPolicy, MatchResourcesSpec, ParamRef } from './types.js';

type Json = Record<string, unknown>;

export type CompileBindingResult = { ok: true; binding: CompiledBinding } | { ok: false; issues: Issue[] };

const VERSIONS = new Set(['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1']);

export function isBindingDocument(doc: unknown): boolean {
  const d = (doc ?? {}) as Json;
  return typeof d.apiVersion === 'string' && VERSIONS.has(d.apiVersion) && d.kind === 'ValidatingAdmissionPolicyBinding';
}

/** The fields every admission policy binding has (Validating and Mutating), read and checked once. */
export interface BindingHeader {
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResourcesSpec;
}

/** Reads name, policyName, paramRef and matchResources; problems are appended to `issues`. */
export function readBindingHeader(metadata: Json | undefined, spec: Json | undefined, issues: Issue[]): BindingHeader {
  const name = metadata?.name;
  if (typeof name !== 'string' || name === '') issues.push({ code: 'CEL_POLICY_INVALID', message: 'metadata.name is required', path: '/metadata/name', severity: 'error' });
  const policyName = spec?.policyName;
  if (typeof policyName !== 'string' || policyName === '') {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'spec.policyName is required', path: '/spec/policyName', severity: 'error' });
  }
  const paramRef = spec?.paramRef as ParamRef | undefined;
  if (paramRef !== undefined) checkParamRef(paramRef, issues);
  const matchResources = spec?.matchResources as MatchResourcesSpec | undefined;
  return {
    name: String(name ?? ''),
    policyName: String(policyName ?? ''),
    ...(paramRef !== undefined && { paramRef }),
    ...(matchResources !== undefined && { matchResources }),
  };
}

export function compileBinding(doc: unknown): CompileBindingResult {
  if (!isBindingDocument(doc)) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a ValidatingAdmissionPolicyBinding', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: Json };
  const issues: Issue[] = [];
  const header = readBindingHeader(metadata, spec, issues);
  const validationActions = readValidationActions(spec?.validationActions, '/spec/validationActions', issues, undefined);
  checkDenyWithWarn(validationActions, '/spec/validationActions', issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, binding: { ...header, validationActions } };
}

/** Exactly one of name and selector; parameterNotFoundAction Allow or Deny (validation.go validateParamRef). */
function checkParamRef(ref: ParamRef, issues: Issue[]): void {
  const hasName = typeof ref.name === 'string' && ref.name !== '';
  if (hasName === (ref.selector !== undefined)) {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'paramRef needs exactly one of name and selector', path: '/spec/paramRef', severity: 'error' });
  }
  const action = ref.parameterNotFoundAction;
  if (action !== undefined && action !== 'Allow' && action !== 'Deny') {
    issues.push({ code: 'CEL_POLICY_INVALID', message: 'parameterNotFoundAction must be Allow or Deny', path: '/spec/paramRef/parameterNotFoundAction', severity: 'error' });
  }
}

/**
 * Groups bindings by policy; a binding naming a policy that is not loaded is an Issue (the API server
 * would ignore it silently, which hides typos). `kind` names the policy kind in the message.
 */
export function groupBindings<B extends { name: string; policyName: string }>(
  kind: string,
  loaded: ReadonlySet<string>,
  bindings: readonly B[],
): { byPolicy: Map<string, B[]>; issues: Issue[] } {
  const byPolicy = new Map<string, B[]>();
  const issues: Issue[] = [];
  for (const binding of bindings) {
    if (!loaded.has(binding.policyName)) {
      issues.push({
        code: 'BINDING_POLICY_NOT_FOUND',
        message: `binding '${binding.name}' refers to ${kind} '${binding.policyName}', which is not loaded`,
        path: '/spec/policyName',
        severity: 'error',
      });
      continue;
    }
    byPolicy.set(binding.policyName, [...(byPolicy.get(binding.policyName) ?? []), binding]);
  }
  return { byPolicy, issues };
}

export function linkBindings(
  policies: readonly CompiledCelPolicy[],
  bindings: readonly CompiledBinding[],
): { byPolicy: Map<string, CompiledBinding[]>; issues: Issue[] } {
  const names = new Set(policies.filter((p) => p.kind === 'ValidatingAdmissionPolicy').map((p) => p.name));
  return groupBindings('ValidatingAdmissionPolicy', names, bindings);
}
