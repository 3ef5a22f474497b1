/**
 * Chains of plain fields (`request.object.metadata.name`, `securityContext.capabilities.add`) become one
 * generated function each. Closures shared by every field of every expression see many property names
 * at one load site, which V8 then reads through its slow generic lookup; a generated function per path
 * has its own sites, each seeing one name. The names go into the source as JSON string literals only.
 *
 * Semantics are those of closures.ts (`plainPath`: a field of a non-object is null, a null stops the
 * chain) and of kyverno-chain.ts (`kyvernoPath`: a key the object lacks throws KeyNotFoundError, and
 * the walk stops at non-objects and nulls).
 */
import { KeyNotFoundError } from '../errors.js';
import type { AstNode, Fn } from './closures.js';
import { generatedFactory } from './generated-source.js';

/** The field names of a chain of Subexpressions over Fields, or undefined for any other shape. */
export function fieldPath(node: AstNode): string[] | undefined {
  if (node.type === 'Field') return [node.name as string];
  if (node.type !== 'Subexpression') return undefined;
  const right = node.right as AstNode;
  if (right.type !== 'Field') return undefined;
  const left = fieldPath(node.left as AstNode);
  return left && [...left, right.name as string];
}

const NOT_RECORD = 'x === null || typeof x !== "object" || Array.isArray(x)';

type Factory = (...deps: unknown[]) => Fn;

/** The generated function, or undefined where code generation is disallowed. */
function generate(body: string, deps: Record<string, unknown>): Fn | undefined {
  // The source holds only JSON string literals (the field names) and fixed text.
  const factory = generatedFactory<Factory>(Object.keys(deps), `return function path(v) {\n${body}\n};`);
  return factory === null ? undefined : factory(...Object.values(deps));
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The source of JMESPath's field chain over `v`, returning its value (codegen.ts writes it inline). */
export function plainPathBody(names: readonly string[]): string {
  let body = 'let x = v;\n';
  for (const name of names) body += `if (${NOT_RECORD}) return null;\nx = x[${JSON.stringify(name)}] ?? null;\n`;
  return `${body}return x;`;
}

/** JMESPath's field chain: null for a field of anything but an object, null stops. */
export function plainPath(names: string[]): Fn {
  return (
    generate(plainPathBody(names), {}) ??
    ((v) => {
      let x = v;
      for (const name of names) {
        if (!isRecord(x)) return null;
        x = x[name] ?? null;
      }
      return x;
    })
  );
}

/**
 * The same chain with Kyverno's unknown-key error. Own-key test: a defined value of a JSON object is its
 * own unless Object.prototype has the name (constructor, toString...), so only those names, and
 * undefined values, pay for Object.hasOwn.
 */
export function kyvernoPath(names: string[], setLive: (live: boolean) => void): Fn {
  let body = 'let x = v;\n';
  names.forEach((name, i) => {
    const key = JSON.stringify(name);
    const missing = name in Object.prototype ? `!hasOwn(x, ${key})` : `x[${key}] === undefined && !hasOwn(x, ${key})`;
    body += `if (${NOT_RECORD}) { setLive(false); return null; }\n`;
    body += `if (${missing}) throw new KeyNotFoundError(${key});\n`;
    body += `x = x[${key}] ?? null;\n`;
    if (i < names.length - 1) body += 'if (x === null) { setLive(false); return null; }\n';
  });
  return (
    generate(`${body}setLive(true);\nreturn x;`, { hasOwn: Object.hasOwn, setLive, KeyNotFoundError }) ??
    ((v) => {
      let x = v;
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (!isRecord(x)) {
          setLive(false);
          return null;
        }
        if (!Object.hasOwn(x, name)) throw new KeyNotFoundError(name);
        x = x[name] ?? null;
        if (x === null && i < names.length - 1) {
          setLive(false);
          return null;
        }
      }
      setLive(true);
      return x;
    })
  );
}
