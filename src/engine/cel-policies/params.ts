/**
 * Params of a VAP binding or a validate.cel rule (admissionregistration/v1 ParamRef): by name or by
 * selector, in paramRef.namespace or else the request's namespace. The caller's lookup reads files or
 * the cluster; none found -> parameterNotFoundAction (Allow = nothing to validate, Deny = failure
 * subject to failurePolicy).
 */
import { splitApiVersion } from './attributes.js';
import type { ParamKind, ParamLookup, ParamQuery, ParamRef } from './types.js';

export type ParamsOutcome =
  | { kind: 'params'; params: unknown[] }
  | { kind: 'allow'; message: string }
  | { kind: 'error'; reason: 'PARAMS_NOT_FOUND' | 'PARAM_REF_MISSING' | 'PARAMS_UNAVAILABLE'; message: string };

export interface ParamSource {
  params?: unknown;
  paramLookup?: ParamLookup;
}

export function resolveParams(
  paramKind: ParamKind | undefined,
  paramRef: ParamRef | undefined,
  namespace: string,
  source: ParamSource,
  /** What "none found" means when parameterNotFoundAction is unset: Deny for VAP, Allow for validate.cel. */
  defaultNotFound: 'Allow' | 'Deny',
): ParamsOutcome {
  // Without paramKind, params are not used and `params` is null.
  if (paramKind === undefined) return { kind: 'params', params: [null] };
  if (paramRef === undefined) {
    if (source.params !== undefined) return { kind: 'params', params: [source.params] };
    return { kind: 'error', reason: 'PARAM_REF_MISSING', message: 'the policy has a paramKind but no paramRef selects its params' };
  }
  if (!source.paramLookup) {
    if (source.params !== undefined) return { kind: 'params', params: [source.params] };
    return { kind: 'error', reason: 'PARAMS_UNAVAILABLE', message: 'no param lookup was supplied for paramRef' };
  }
  const found = source.paramLookup(paramQuery(paramKind, paramRef, namespace));
  if (found.length > 0) return { kind: 'params', params: found };
  const action = paramRef.parameterNotFoundAction ?? defaultNotFound;
  if (action === 'Allow') return { kind: 'allow', message: 'no params found; parameterNotFoundAction is Allow' };
  // Message of the API server's dispatcher for this case.
  return { kind: 'error', reason: 'PARAMS_NOT_FOUND', message: 'no params found for policy binding with `Deny` parameterNotFoundAction' };
}

export function paramQuery(paramKind: ParamKind, ref: ParamRef, namespace: string): ParamQuery {
  const { group, version } = splitApiVersion(paramKind.apiVersion ?? 'v1');
  const ns = ref.namespace ?? (namespace !== '' ? namespace : undefined);
  return {
    apiVersion: group === '' ? version : `${group}/${version}`,
    kind: paramKind.kind ?? '',
    ...(ref.name !== undefined && { name: ref.name }),
    ...(ns !== undefined && { namespace: ns }),
    ...(ref.selector !== undefined && { selector: ref.selector }),
  };
}
