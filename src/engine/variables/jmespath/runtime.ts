/**
 * A private JMESPath interpreter with Kyverno's functions registered. We build our own instance instead
 * of registering on the library's global one, so nothing else in the process sees (or changes) them.
 * Functions receive the FunctionEnv of the evaluation in progress: evaluation is synchronous, so the
 * env is held for the duration of one search.
 */
import {
  TreeInterpreter, TYPE_ANY, TYPE_ARRAY, TYPE_ARRAY_STRING, TYPE_BOOLEAN, TYPE_NULL, TYPE_NUMBER, TYPE_OBJECT,
  TYPE_STRING, type InputSignature, type JSONValue,
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
  return (args) => {
    runtime.validateTypes(name, args, signature);
    return fn.call(runtime, args);
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
