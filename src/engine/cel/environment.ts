import { Environment } from '@marcbachmann/cel-js';
import { registerKubernetesLibraries } from './libs/index.js';

/**
 * Options mirror Kubernetes' base CEL environment
 * (k8s.io/apiserver/pkg/cel/environment/base.go): optional types on, our Kubernetes libraries
 * registered once on a shared base, then cloned per variable set.
 */
let base: Environment | undefined;
const byVariables = new Map<string, Environment>();

function baseEnvironment(): Environment {
  if (base) return base;
  const env = new Environment({
    unlistedVariablesAreDyn: false,
    // cel-go accepts `{"a": 1, "b": object.x}` (dyn unifies with int); this library would reject it
    // under its homogeneous check, so we relax it rather than reject valid Kubernetes policies.
    homogeneousAggregateLiterals: false,
    enableOptionalTypes: true,
  });
  registerKubernetesLibraries(env);
  base = env;
  return env;
}

/** An environment declaring `variables` as dyn; without a list, any identifier is a dyn variable. */
export function environmentFor(variables: readonly string[] | undefined): Environment {
  const key = variables ? [...variables].sort().join(',') : '*';
  const cached = byVariables.get(key);
  if (cached) return cached;
  const env = baseEnvironment().clone({ unlistedVariablesAreDyn: variables === undefined });
  for (const name of variables ?? []) env.registerVariable(name, 'dyn');
  byVariables.set(key, env);
  return env;
}

let knownFunctions: Set<string> | undefined;

/** Every function name any overload is registered under (to tell unknown from misused). */
export function isKnownFunction(name: string): boolean {
  knownFunctions ??= new Set(baseEnvironment().getDefinitions().functions.map((f) => f.name));
  return knownFunctions.has(name);
}
