import type { Environment } from '@marcbachmann/cel-js';
import { authorizer } from './authorizer.js';
import { comprehensions } from './comprehensions.js';
import { ipLibrary } from './ip.js';
import { jsonpatch } from './jsonpatch.js';
import { lists } from './lists.js';
import { optional } from './optional.js';
import { quantityLibrary } from './quantity.js';
import { regex } from './regex.js';
import { semverLibrary } from './semver.js';
import { sets } from './sets.js';
import { strings } from './strings.js';
import { imageLibrary } from './image.js';
import { KYVERNO_CEL_LIBRARIES } from './kyverno.js';
import { regexExt } from './regex-ext.js';
import type { CelLibrary } from './types.js';
import { urlLibrary } from './urls.js';

export type KubernetesCelLibrary =
  | 'lists' | 'strings' | 'regex' | 'urls' | 'quantity' | 'ip' | 'semver' | 'sets' | 'optional'
  | 'comprehensions' | 'authorizer' | 'jsonpatch';

/** The Kubernetes CEL libraries (k8s.io/apiserver/pkg/cel/environment/base.go), one entry each. */
export const KUBERNETES_CEL_LIBRARIES = {
  lists,
  strings,
  regex,
  urls: urlLibrary,
  quantity: quantityLibrary,
  ip: ipLibrary,
  semver: semverLibrary,
  sets,
  optional,
  comprehensions,
  authorizer,
  jsonpatch,
} as const satisfies Record<KubernetesCelLibrary, CelLibrary>;

export type KyvernoFunctionLibrary = 'image' | 'regexExt';

/**
 * Global functions that Kyverno's CEL environment adds for its policy kinds (kyverno
 * pkg/cel/compiler: its image library and cel-go ext.Regex). They share the one environment, so a
 * VAP accepts them too, where the API server would reject them (docs/cel.md, "Missing or different").
 */
export const KYVERNO_FUNCTION_LIBRARIES = {
  image: imageLibrary,
  regexExt,
} as const satisfies Record<KyvernoFunctionLibrary, CelLibrary>;

/**
 * Registers the Kubernetes libraries and Kyverno's. Kyverno's functions are methods of handle types
 * that only the Kyverno kinds put in the activation, so they cannot change a VAP's meaning.
 */
export function registerKubernetesLibraries(env: Environment): void {
  for (const lib of Object.values(KUBERNETES_CEL_LIBRARIES)) lib.register(env);
  for (const lib of Object.values(KYVERNO_CEL_LIBRARIES)) lib.register(env);
  for (const lib of Object.values(KYVERNO_FUNCTION_LIBRARIES)) lib.register(env);
}

export type { CelLibrary } from './types.js';
export { toAuthorizer, type AuthorizerFn, type AuthorizerAttributes, type AuthorizerDecision } from './authorizer.js';
export { matches } from './regex.js';
export { compileRe2 } from './re2.js';
export { KYVERNO_CEL_LIBRARIES, createKyvernoHandles, type KyvernoCelLibrary } from './kyverno.js';
export type { CelHostLibraries } from './kyverno-host.js';
