/**
 * Functions made from generated source (`new Function`), shared by field-paths.ts and codegen.ts. Cached
 * by parameters and source: the same path or expression in many rules and policies is parsed and
 * optimized once. Null where code generation from strings is disallowed (node
 * --disallow-code-generation-from-strings): callers then fall back to closures.
 */
const factories = new Map<string, unknown>();
const FACTORY_LIMIT = 5_000;

export function generatedFactory<F>(params: readonly string[], source: string): F | null {
  const key = `${params.join(',')}\n${source}`;
  let factory = factories.get(key) as F | null | undefined;
  if (factory === undefined) {
    try {
      factory = new Function(...params, source) as F;
    } catch {
      factory = null;
    }
    if (factories.size < FACTORY_LIMIT) factories.set(key, factory);
  }
  return factory;
}
