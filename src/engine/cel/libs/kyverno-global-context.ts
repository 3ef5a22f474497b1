import { callHost, KyvernoContext } from './kyverno-host.js';
import type { CelLibrary } from './types.js';

/**
 * kyverno pkg/cel/libs/globalcontext (the `globalContext` identifier): Get(name, projection) returns a
 * GlobalContextEntry's data, or the named projection of it when `projection` is not ''. An unknown
 * entry reads as null (Kyverno's fake context provider returns nil for it).
 */
export class GlobalContextHandle extends KyvernoContext {}

const get = (ctx: GlobalContextHandle, name: string, projection = ''): unknown =>
  callHost(ctx, 'globalContext', 'globalContext', name, projection);

export const kyvernoGlobalContext = {
  source: 'kyverno pkg/cel/libs/globalcontext',
  provider: 'ours',
  functions: ['globalContext.Get(string, string): dyn', 'globalContext.Get(string): dyn'],
  register(env) {
    env.registerType('GlobalContext', GlobalContextHandle);
    for (const g of ['Get', 'get'] as const) {
      env.registerFunction(`GlobalContext.${g}(string, string): dyn`, get);
      env.registerFunction(`GlobalContext.${g}(string): dyn`, (c: GlobalContextHandle, name: string) => get(c, name));
    }
  },
} as const satisfies CelLibrary;
