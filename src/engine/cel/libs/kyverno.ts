import type { CelHostLibraries } from './kyverno-host.js';
import { GlobalContextHandle, kyvernoGlobalContext } from './kyverno-global-context.js';
import { HttpContext, kyvernoHttp } from './kyverno-http.js';
import { ImageDataContext, kyvernoImageData } from './kyverno-image-data.js';
import { ResourceContext, kyvernoResource } from './kyverno-resource.js';
import type { CelLibrary } from './types.js';

/** Kyverno's CEL libraries, reached through identifiers (kyverno pkg/cel/compiler/keys.go). */
export type KyvernoCelLibrary = 'resource' | 'http' | 'globalContext' | 'image';

export const KYVERNO_CEL_LIBRARIES = {
  resource: kyvernoResource,
  http: kyvernoHttp,
  globalContext: kyvernoGlobalContext,
  image: kyvernoImageData,
} as const satisfies Record<KyvernoCelLibrary, CelLibrary>;

/**
 * The activation values of the library identifiers. Every handle exists even without a host, so
 * expressions compile and evaluate the same everywhere; a call without a host fails at run time.
 */
export function createKyvernoHandles(host: CelHostLibraries | undefined): Record<KyvernoCelLibrary, unknown> {
  return {
    resource: new ResourceContext(host),
    http: new HttpContext(host),
    globalContext: new GlobalContextHandle(host),
    image: new ImageDataContext(host),
  };
}
