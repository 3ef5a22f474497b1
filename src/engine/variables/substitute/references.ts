/**
 * `$( path )` references inside a policy document (vars.go substituteReferencesIfAny): a reference
 * names another value of the same document by a path relative to the string that holds it
 * (`$(./../../limits/memory)`) or absolute (`$(/spec/x)`), optionally behind a comparison operator
 * (`$(<=./../limits/memory)` gives `<=` + the value). Anchors in the document's keys are ignored when
 * paths are compared. `\$( )` is left literally without the backslash. Only string values resolve.
 */
import { VariableError } from '../errors.js';
import { cleanPath } from '../functions/go-strings.js';
import { ESCAPED_REFERENCE_RE, REFERENCE_RE } from './patterns.js';
import { containsSyntax } from './substitute.js';

const OPERATORS = ['>=', '<=', '>', '<', '!'];

/** anchor.RemoveAnchor on one path segment: `(x)`, `=(x)`, `^(x)`, `+(x)`, `X(x)`, `<(x)` -> `x`. */
function removeAnchor(segment: string): string {
  const m = /^(?:[=^+X<]?)\((.*)\)$/.exec(segment);
  return m ? (m[1] ?? '') : segment;
}

function removeAnchorsFromPath(p: string): string {
  const parts = p.split('/').filter((x, i) => !(i === 0 && x === '')).map(removeAnchor);
  const joined = parts.length ? cleanPath(parts.join('/')) : '';
  return p.startsWith('/') ? '/' + (joined === '.' ? '' : joined) : joined;
}

/** The leaf whose anchor-free path equals `target` (last one wins, as in Kyverno's traversal). */
function valueAt(doc: unknown, target: string): unknown {
  let found: unknown = undefined;
  const visit = (v: unknown, p: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${p}/${i}`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${p}/${k}`);
    else if (removeAnchorsFromPath(p) === target) found = v;
  };
  visit(doc, '');
  return found;
}

function formatValue(v: unknown, op: string, reference: string): string {
  if (typeof v === 'string') return v;
  // valFromReferenceToString: float64 is printed with %f.
  if (typeof v === 'number') return v.toFixed(6);
  throw new VariableError('VARIABLE_NOT_FOUND', `incorrect expression: operator ${op} does not match with value ${String(v)} (${reference})`);
}

function resolveReference(doc: unknown, reference: string, at: string): unknown {
  let p = reference.replace(/^[$()]+|[$()]+$/g, '');
  const op = p.length >= 2 ? (OPERATORS.find((o) => p.startsWith(o)) ?? '') : '';
  p = p.slice(op.length);
  if (p === '') throw new VariableError('VARIABLE_NOT_FOUND', `failed to resolve ${reference} at path ${at}: expected path, found empty reference`, at);
  const abs = p.startsWith('/') ? p : cleanPath(`${at}/${p}`);
  const value = valueAt(doc, abs);
  if (op === '' || value === undefined || value === null) return value;
  return op + formatValue(value, op, reference);
}

function substituteInString(doc: unknown, s: string, at: string): string {
  let value = s;
  for (const m of s.matchAll(REFERENCE_RE)) {
    const old = m[0];
    const initial = old.startsWith('$(');
    const reference = initial ? old : old.slice(1);
    const resolved = resolveReference(doc, reference, at);
    if (resolved === undefined || resolved === null) {
      throw new VariableError('VARIABLE_NOT_FOUND', `got nil resolved variable ${reference} at path ${at}: <nil>`, at);
    }
    if (typeof resolved !== 'string') {
      throw new VariableError('VARIABLE_NOT_FOUND', `NotResolvedReferenceErr,reference ${reference} not resolved at path ${at}`, at);
    }
    value = value.replace(old, () => (initial ? '' : old[0]) + resolved);
  }
  return value.replace(ESCAPED_REFERENCE_RE, (e) => e.slice(1));
}

function walk(doc: unknown, v: unknown, at: string): unknown {
  if (typeof v === 'string') return v.includes('$(') ? substituteInString(doc, v, at) : v;
  if (Array.isArray(v)) return v.map((x, i) => walk(doc, x, `${at}/${i}`));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k.includes('$(') ? substituteInString(doc, k, at) : k] = walk(doc, x, `${at}/${k}`);
    }
    return out;
  }
  return v;
}

/**
 * Resolves `$( )` references in `pattern`. Kyverno resolves them against the document being substituted
 * (the pattern itself); pass `document` only to resolve against another one.
 */
export function substituteReferences(pattern: unknown, document: unknown = pattern): unknown {
  if (!containsSyntax(pattern, '$(')) return pattern;
  return walk(document, pattern, '');
}
