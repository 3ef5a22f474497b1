import type { Environment } from '@marcbachmann/cel-js';

/** One Kubernetes CEL library: the functions it declares (for docs) and how it registers them. */
export interface CelLibrary {
  /** Where Kubernetes defines it (the semantics we follow). */
  readonly source: string;
  /** Signatures as they appear in docs/cel.md. */
  readonly functions: readonly string[];
  /** 'library' when @marcbachmann/cel-js already provides it, 'ours' when we add it. */
  readonly provider: 'library' | 'ours' | 'both';
  register(env: Environment): void;
}

/** Builds a namespace constant such as `strings` or `sets` (how the library models `optional`). */
export function registerNamespace(env: Environment, variable: string, typeName: string): void {
  const ctor = { [typeName]: class {} }[typeName] as new () => object;
  env.registerType(typeName, ctor);
  env.registerConstant(variable, typeName, new ctor());
}
