/**
 * The shape of a custom JMESPath function entry, after Kyverno's FunctionEntry (name, argument specs,
 * return type, note) in pkg/engine/jmespath/functionentry.go, plus our implementation.
 */
import { FunctionError } from '../errors.js';

/** Argument and return types, as Kyverno's jpType names them. */
export type JpType = 'any' | 'string' | 'number' | 'boolean' | 'object' | 'array' | 'array[string]' | 'null';

export interface ArgSpec {
  types: readonly JpType[];
  optional?: boolean;
  variadic?: boolean;
}

/** Injected capabilities: the engine never reads the clock or other ambient state itself. */
export interface FunctionEnv {
  now(): Date;
  /** Source of randomness for `random()`; defaults to Math.random. */
  random?(): number;
  /** Resolves a hostname to IP addresses for `is_external_url()`; without it hostnames count as external. */
  lookupHost?(host: string): readonly string[] | undefined;
}

export interface FunctionContext {
  /** The environment of the current evaluation; throws when the caller gave none. */
  env(): FunctionEnv;
}

export type FunctionImpl = (args: unknown[], ctx: FunctionContext) => unknown;

export interface FunctionDef {
  name: string;
  args: readonly ArgSpec[];
  returns: readonly JpType[];
  note: string;
  impl: FunctionImpl;
}

// Kyverno's error texts (pkg/engine/jmespath/error.go).
export function invalidArgType(fn: string, index: number, type: string): FunctionError {
  return new FunctionError(`JMESPath function '${fn}': argument #${index} is not of type ${type}`);
}
export function genericError(fn: string, detail: string): FunctionError {
  return new FunctionError(`JMESPath function '${fn}': ${detail}`);
}
export function zeroDivision(fn: string): FunctionError {
  return genericError(fn, 'Zero divisor passed');
}
export function typeMismatch(fn: string): FunctionError {
  return genericError(fn, 'Types mismatch');
}

export function str(fn: string, args: unknown[], index: number): string {
  const v = args[index];
  if (typeof v !== 'string') throw invalidArgType(fn, index + 1, 'string');
  return v;
}
export function num(fn: string, args: unknown[], index: number): number {
  const v = args[index];
  if (typeof v !== 'number') throw invalidArgType(fn, index + 1, 'float64');
  return v;
}
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A function table entry with its name inferred from the key (used by each family file). */
export function defineFunctions<T extends Record<string, Omit<FunctionDef, 'name'>>>(
  defs: T,
): { [K in keyof T]: FunctionDef } {
  const out = {} as { [K in keyof T]: FunctionDef };
  for (const key of Object.keys(defs) as Array<keyof T & string>) {
    out[key] = { name: key, ...defs[key] } as FunctionDef;
  }
  return out;
}
