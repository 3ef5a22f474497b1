import type { CelLibrary } from './types.js';

/**
 * k8s.io/apiserver/pkg/cel/library/authz.go, offline: the activation's `authorizer` is a function
 * answering one SubjectAccessReview-like question; without one every check is denied
 * (allowed=false), since we cannot reach the cluster's authorizers from the engine.
 */
export interface AuthorizerAttributes {
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  verb: string;
  path: string;
  serviceAccount?: { namespace: string; name: string };
}
export interface AuthorizerDecision {
  allowed: boolean;
  reason?: string;
  error?: string;
}
export type AuthorizerFn = (attrs: AuthorizerAttributes) => AuthorizerDecision;

const DENY: AuthorizerFn = () => ({ allowed: false, reason: 'offline: no authorizer configured' });
const EMPTY: Omit<AuthorizerAttributes, 'verb'> = { group: '', resource: '', subresource: '', namespace: '', name: '', path: '' };

export class Authorizer {
  constructor(readonly fn: AuthorizerFn = DENY, readonly attrs: Omit<AuthorizerAttributes, 'verb'> = EMPTY) {}
  with(patch: Partial<AuthorizerAttributes>): Authorizer {
    return new Authorizer(this.fn, { ...this.attrs, ...patch });
  }
}
export class Decision {
  constructor(readonly d: AuthorizerDecision) {}
}

/** Wraps an activation value (a function or nothing) as the CEL `authorizer` object. */
export function toAuthorizer(value: unknown): Authorizer {
  if (value instanceof Authorizer) return value;
  return new Authorizer(typeof value === 'function' ? (value as AuthorizerFn) : DENY);
}

const check = (a: Authorizer, verb: string): Decision => new Decision(a.fn({ ...a.attrs, verb }));
const step = (field: keyof AuthorizerAttributes) => (a: Authorizer, v: string) => a.with({ [field]: v });

export const authorizer = {
  source: 'k8s.io/apiserver/pkg/cel/library/authz.go',
  provider: 'ours',
  functions: [
    'Authorizer.group(string): Authorizer', 'Authorizer.resource(string): Authorizer', 'Authorizer.subresource(string): Authorizer',
    'Authorizer.namespace(string): Authorizer', 'Authorizer.name(string): Authorizer', 'Authorizer.path(string): Authorizer',
    'Authorizer.serviceAccount(string, string): Authorizer', 'Authorizer.check(string): Decision',
    'Decision.allowed(): bool', 'Decision.reason(): string', 'Decision.errored(): bool', 'Decision.error(): string',
  ],
  register(env) {
    env.registerType('Authorizer', Authorizer);
    env.registerType('Decision', Decision);
    for (const f of ['group', 'resource', 'subresource', 'namespace', 'name', 'path'] as const) {
      env.registerFunction(`Authorizer.${f}(string): Authorizer`, step(f));
    }
    env.registerFunction('Authorizer.serviceAccount(string, string): Authorizer', (a: Authorizer, namespace: string, name: string) =>
      a.with({ serviceAccount: { namespace, name } }),
    );
    env.registerFunction('Authorizer.check(string): Decision', check);
    env.registerFunction('Decision.allowed(): bool', (d: Decision) => d.d.allowed);
    env.registerFunction('Decision.reason(): string', (d: Decision) => d.d.reason ?? '');
    env.registerFunction('Decision.errored(): bool', (d: Decision) => d.d.error !== undefined);
    env.registerFunction('Decision.error(): string', (d: Decision) => d.d.error ?? '');
  },
} as const satisfies CelLibrary;
