/**
 * A private JMESPath interpreter with Kyverno's functions registered. We build our own instance instead
 * of registering on the library's global one, so nothing else in the process sees (or changes) them.
 * Functions receive the FunctionEnv of the evaluation in progress: evaluation is synchronous, so the
 * env is held for the duration of one search.
 */
import {
  TreeInterpreter, TYPE_ANY, TYPE_ARRAY, TYPE_ARRAY_ARRAY, TYPE_ARRAY_NUMBER, TYPE_ARRAY_OBJECT, TYPE_ARRAY_STRING,
  TYPE_BOOLEAN, TYPE_NULL, TYPE_NUMBER, TYPE_OBJECT, TYPE_STRING, type InputSignature, type JSONValue,
} from '@jmespath-community/jmespath';
import { VariableError } from '../errors.js';
import { kyvernoFunctions } from '../functions/registry.js';
import type { FunctionContext, FunctionDef, FunctionEnv, JpType } from '../functions/types.js';

type Interpreter = typeof TreeInterpreter;
type ExpressionNode = Parameters<Interpreter['search']>[0];

const TYPE_OF: Record<JpType, number> = {
  any: TYPE_ANY, string: TYPE_STRING, number: TYPE_NUMBER, boolean: TYPE_BOOLEAN, object: TYPE_OBJECT,
  array: TYPE_ARRAY, 'array[string]': TYPE_ARRAY_STRING, null: TYPE_NULL,
};

let currentEnv: FunctionEnv | undefined;

const context: FunctionContext = {
  env() {
    if (!currentEnv) {
      throw new VariableError(
        'JMESPATH_EVAL',
        'this expression needs the current time: pass an env with now() to the evaluation (the engine never reads the clock itself)',
      );
    }
    return currentEnv;
  },
};

function signature(def: FunctionDef): InputSignature[] {
  return def.args.map((a) => ({
    types: a.types.map((t) => TYPE_OF[t]) as InputSignature['types'],
    ...(a.optional ? { optional: true } : {}),
    ...(a.variadic ? { variadic: true } : {}),
  }));
}

function createInterpreter(): Interpreter {
  const Ctor = TreeInterpreter.constructor as new () => Interpreter;
  const interpreter = new Ctor();
  for (const def of Object.values(kyvernoFunctions) as FunctionDef[]) {
    const fn = (args: unknown[]) => def.impl(args, context) as JSONValue;
    // Kyverno's entries replace same-named built-ins (items, replace, split, sum).
    const result = interpreter.runtime.register(def.name as never, fn as never, signature(def), { override: true });
    if (!result.success) throw new Error(`cannot register JMESPath function ${def.name}: ${result.message}`);
  }
  return interpreter;
}

const interpreter = createInterpreter();

/** Evaluates a compiled AST with `env` available to the functions. */
export function evaluate(ast: ExpressionNode, data: unknown, env: FunctionEnv | undefined): unknown {
  const previous = currentEnv;
  currentEnv = env;
  try {
    return interpreter.search(ast, data as JSONValue);
  } finally {
    currentEnv = previous;
  }
}

/** Makes `env` the environment of the evaluation in progress; returns the previous one for leaveEnv. */
export function enterEnv(env: FunctionEnv | undefined): FunctionEnv | undefined {
  const previous = currentEnv;
  currentEnv = env;
  return previous;
}

export function leaveEnv(previous: FunctionEnv | undefined): void {
  currentEnv = previous;
}

interface RuntimeInternals {
  _functionTable: Record<string, { _func: (args: unknown[]) => unknown; _signature: InputSignature[] } | undefined>;
  validateInputSignatures(name: string, signature: InputSignature[]): void;
  validateArity(name: string, args: unknown[], signature: InputSignature[]): void;
  validateTypes(name: string, args: unknown[], signature: InputSignature[]): void;
  callFunction(name: string, args: unknown[]): unknown;
}

const runtime = interpreter.runtime as unknown as RuntimeInternals;
const internals = interpreter as unknown as { _rootValue: unknown };

export type FunctionCaller = (args: unknown[]) => unknown;

/** Every function of the interpreter (the library's and Kyverno's) with its signature (tests compare checks over them). */
export function functionSignatures(): Map<string, InputSignature[]> {
  const out = new Map<string, InputSignature[]>();
  for (const [name, entry] of Object.entries(runtime._functionTable)) if (entry) out.set(name, entry._signature);
  return out;
}

/**
 * A caller for `name` with `argc` arguments that does what the library's Runtime.callFunction does
 * (unknown function, arity, argument types, then the call, with the same errors). Name and arity are
 * known when the expression is compiled, so they are checked once here; when that check fails the
 * caller is the library's own call, which then throws after the arguments were evaluated, as before.
 */
export function functionCaller(name: string, argc: number): FunctionCaller {
  const entry = runtime._functionTable[name];
  if (entry === undefined) return (args) => runtime.callFunction(name, args);
  const signature = entry._signature;
  try {
    runtime.validateInputSignatures(name, signature);
    runtime.validateArity(name, new Array<unknown>(argc), signature);
  } catch {
    return (args) => runtime.callFunction(name, args);
  }
  const fn = entry._func;
  const accepts = acceptsOf(signature);
  return (args) => {
    // The library's check decides (and words the error) whenever the plain one does not accept.
    if (!accepts(args)) runtime.validateTypes(name, args, signature);
    return fn.call(runtime, args);
  };
}

/** Whether a value is of a library type, as Runtime.getTypeName and typeMatches decide it. */
const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v as { expref?: unknown }).expref;
const arrayOf = (item: (v: unknown) => boolean) => (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (v[i] !== undefined && !item(v[i])) return false;
  return true;
};
const TYPE_TESTS: Record<number, (v: unknown) => boolean> = {
  [TYPE_ANY]: () => true,
  [TYPE_STRING]: (v) => typeof v === 'string',
  [TYPE_NUMBER]: (v) => typeof v === 'number',
  [TYPE_BOOLEAN]: (v) => typeof v === 'boolean',
  [TYPE_NULL]: (v) => v === null,
  [TYPE_OBJECT]: isObject,
  [TYPE_ARRAY]: Array.isArray,
  [TYPE_ARRAY_STRING]: arrayOf((v) => typeof v === 'string'),
  [TYPE_ARRAY_NUMBER]: arrayOf((v) => typeof v === 'number'),
  [TYPE_ARRAY_OBJECT]: arrayOf(isObject),
  [TYPE_ARRAY_ARRAY]: arrayOf(Array.isArray),
};

/**
 * A plain check that accepts only arguments Runtime.validateTypes accepts (each declared position's
 * value is undefined or of one of its types), built once per function: the library's check allocates a
 * closure per argument and looks each type up, ~0.1 µs per call. Types it has no test for (expression
 * references) are never accepted here, so the library checks them.
 */
export function acceptsOf(signature: InputSignature[]): (args: unknown[]) => boolean {
  const positions = signature.map((s) => (s.types as number[]).map((t) => TYPE_TESTS[t]));
  if (positions.some((tests) => tests.some((t) => t === undefined))) return () => false;
  const tests = positions as Array<Array<(v: unknown) => boolean>>;
  return (args) => {
    for (let i = 0; i < tests.length; i++) {
      const v = args[i];
      if (v === undefined) continue;
      const types = tests[i] as Array<(v: unknown) => boolean>;
      let ok = false;
      for (let k = 0; k < types.length && !ok; k++) ok = (types[k] as (v: unknown) => boolean)(v);
      if (!ok) return false;
    }
    return true;
  };
}

/**
 * Library functions taking an expression reference (sort_by, map, max_by...) evaluate it with the
 * interpreter, which reads `$` from the root of its last search: compiled code sets it before such calls.
 */
export function setInterpreterRoot(root: unknown): void {
  internals._rootValue = root;
}

interface SliceInternals {
  computeSliceParams(length: number, node: unknown): { start: number; stop: number; step: number };
  slice(collection: unknown[], start: number, stop: number, step: number): unknown[];
}

/** The interpreter's Slice node on an array or string (its own parameter and step-0 handling). */
export function sliceOf(value: unknown[] | string, node: unknown): unknown {
  const it = interpreter as unknown as SliceInternals;
  const { start, stop, step } = it.computeSliceParams(value.length, node);
  if (typeof value === 'string') return it.slice([...value], start, stop, step).join('');
  return it.slice(value, start, stop, step);
}

export type { ExpressionNode };
