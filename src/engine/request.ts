/**
 * What the engine evaluates: one admission request (or a resource from a file / background scan, which
 * the callers turn into a CREATE request). The engine never reads the clock, files or the network:
 * everything arrives here or through EngineDeps.
 */
import type { ParamLookup } from './cel-policies/types.js';
import type { JsonObject } from './policy-types.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface RequestUserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface AdmissionInput {
  uid?: string;
  operation: Operation;
  /** The new object (null on DELETE). */
  object: JsonObject | null;
  /** The existing object on UPDATE and DELETE. */
  oldObject: JsonObject | null;
  kind: GroupVersionKind;
  /** Plural resource name when known, e.g. "deployments". */
  resource?: { group: string; version: string; resource: string };
  subResource?: string;
  namespace?: string;
  name?: string;
  dryRun?: boolean;
  userInfo: RequestUserInfo;
  /** Roles and cluster roles bound to the user; resolved by the caller (CLI userinfo file or cluster RBAC). */
  roles?: string[];
  clusterRoles?: string[];
  /** Labels of the request's namespace, for namespaceSelector. */
  namespaceLabels?: Record<string, string>;
  /** Raw admission request, exposed to policies as `request` (JMESPath) and in CEL. */
  raw?: JsonObject;
}

/** Host services the engine may call; injected so the engine stays pure and testable. */
export interface EngineDeps {
  /** Current time (Kyverno's time_now functions, report timestamps). */
  now(): Date;
  /** ConfigMap lookup for `context.configMap`; undefined when absent. */
  getConfigMap?(namespace: string, name: string): Promise<JsonObject | undefined>;
  /** Kubernetes API GET/POST for `context.apiCall.urlPath`. */
  apiCall?(urlPath: string, method: 'GET' | 'POST', data?: unknown): Promise<unknown>;
  /** External service call for `context.apiCall.service`. */
  serviceCall?(url: string, method: 'GET' | 'POST', data?: unknown): Promise<unknown>;
  /** Global context entries (kyverno.io GlobalContextEntry) by name. */
  globalReference?(name: string): Promise<unknown>;
  /** Param objects for paramKind/paramRef in CEL policies (CLI paramResources, or the cluster's objects). */
  paramLookup?: ParamLookup;
  /** Image registry lookups for `context.imageRegistry` (config, manifest); absent offline. */
  imageRegistry?(reference: string): Promise<unknown>;
  /** Values from a CLI values file: global, per-policy/per-resource overrides (Kyverno test format). */
  values?: ValuesProvider;
}

export interface ValuesProvider {
  /** Variables set for a policy and resource (`values.yaml` policies[].resources[].values and globals). */
  forResource(policy: string, resourceName: string, rule?: string): Record<string, unknown>;
  /** Per-element values for foreach (Kyverno CLI `foreachValues`), indexed by element position. */
  foreachValues?(policy: string, rule: string): Record<string, unknown[]> | undefined;
  /** Namespace labels known to the values file (namespaceSelector in offline mode). */
  namespaceLabels?(namespace: string): Record<string, string> | undefined;
}
