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

export type { ExpressionNode };
