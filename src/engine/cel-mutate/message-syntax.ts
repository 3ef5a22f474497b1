/**
 * CEL message construction for mutations, as Kubernetes declares it (KEP-3962; k8s.io/apiserver
 * pkg/cel/mutation): `Object{spec: Object.spec{replicas: 1}}` builds an apply configuration and
 * `JSONPatch{op: "add", path: "/x", value: 1}` a patch operation. Our CEL library has no message
 * syntax, so before compiling we rewrite each construction into the map literal it denotes
 * (`{"spec": {"replicas": 1}}`); Kubernetes' dynamic type resolver treats every `Object.*` type as
 * a schemaless object, which a map is. `?field: opt` (optional field) becomes the key `"?field"`,
 * resolved after evaluation (see resolveOptionalFields).
 *
 * Like the API server (ObjectVal.CheckTypeNamesMatchFieldPathNames), a type name must follow its field
 * path: `Object.spec{selector: Object.spec.wrong{}}` is an error; we check it at compile time where
 * the construction is the field's value or the first element of its list.
 */
import { tokenize, type Token } from './cel-scan.js';

export type RewriteResult =
  | { ok: true; text: string; toOriginal: (offset: number) => number }
  | { ok: false; message: string; offset: number };

interface Frame {
  kind: '(' | '[' | '{' | 'msg' | 'has';
  typeName?: string;
  expectField?: boolean;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const NOT_TYPES = new Set(['in', 'true', 'false', 'null']);
export const OPTIONAL_FIELD_PREFIX = '?';

export function rewriteMessageSyntax(src: string, opts: { checkTypeNames?: boolean } = {}): RewriteResult {
  const tokens = tokenize(src);
  const edits: Edit[] = [];
  const stack: Frame[] = [];
  // Where a field's value starts, and the type name a construction there must have.
  let expected: { at: number; name: string } | undefined;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    const top = stack[stack.length - 1];
    if (top?.kind === 'msg' && top.expectField) {
      if (tok.text === '}') {
        stack.pop();
        edits.push({ start: tok.end, end: tok.end, text: ')' });
        continue;
      }
      const field = readField(tokens, t);
      if (!field) return { ok: false, message: `expected a field name in ${top.typeName ?? ''}{...}`, offset: tok.start };
      edits.push({ start: tok.start, end: field.nameToken.end, text: JSON.stringify((field.optional ? OPTIONAL_FIELD_PREFIX : '') + field.nameToken.text) });
      top.expectField = false;
      t = field.colon;
      // JSONPatch.value is dyn: any Object type may go there.
      expected = top.typeName === 'JSONPatch' ? undefined : { at: t + 1, name: `${top.typeName ?? ''}.${field.nameToken.text}` };
      continue;
    }
    const message = tok.kind === 'ident' ? readMessageStart(tokens, t) : undefined;
    if (message) {
      const typeName = message.names.join('.');
      if (typeName !== 'JSONPatch' && typeName !== 'Object' && !typeName.startsWith('Object.')) {
        return { ok: false, message: `undeclared type '${typeName}' (mutations construct Object, Object.<field path> or JSONPatch)`, offset: tok.start };
      }
      const want = expected && (expected.at === t || (expected.at === t - 1 && tokens[t - 1]?.text === '[')) ? expected.name : undefined;
      if (opts.checkTypeNames !== false && want !== undefined && typeName !== want) {
        return { ok: false, message: `type mismatch: ${typeName} used for a field of type ${want}`, offset: tok.start };
      }
      // dyn(): constructions of different shapes may meet in one ternary, as Object values do.
      edits.push({ start: tok.start, end: message.brace.start, text: 'dyn(' });
      stack.push({ kind: 'msg', typeName, expectField: true });
      t = message.braceIndex;
      continue;
    }
    const has = tok.text === 'has' ? rewriteHas(tokens, t) : undefined;
    if (has) {
      edits.push(...has);
      stack.push({ kind: 'has' });
      t++;
      continue;
    }
    if (tok.text === '(' || tok.text === '[' || tok.text === '{') stack.push({ kind: tok.text });
    else if (tok.text === '}' && top?.kind === 'msg') {
      stack.pop();
      edits.push({ start: tok.end, end: tok.end, text: ')' });
    } else if (tok.text === ')' || tok.text === ']' || tok.text === '}') stack.pop();
    else if (tok.text === ',' && top?.kind === 'msg') top.expectField = true;
  }
  return { ok: true, ...applyEdits(src, edits) };
}

/** `IDENT (. IDENT)* {` not preceded by `.`: a message construction's type name and brace. */
function readMessageStart(tokens: Token[], t: number): { names: string[]; brace: Token; braceIndex: number } | undefined {
  const first = tokens[t] as Token;
  if (NOT_TYPES.has(first.text) || tokens[t - 1]?.text === '.') return undefined;
  const names = [first.text];
  let i = t + 1;
  while (tokens[i]?.text === '.' && tokens[i + 1]?.kind === 'ident') {
    names.push((tokens[i + 1] as Token).text);
    i += 2;
  }
  const brace = tokens[i];
  return brace?.text === '{' ? { names, brace, braceIndex: i } : undefined;
}

/**
 * `has(e.f)` where `e` is not a plain identifier path (`has(object.spec.containers[i].env)`) is valid
 * CEL, but our CEL library's macro only takes identifier paths; `(e).?f.hasValue()` tests the same
 * thing (presence of key f in e, errors when e is not a map). Returns the edits, or undefined.
 */
function rewriteHas(tokens: Token[], t: number): Edit[] | undefined {
  if (tokens[t + 1]?.text !== '(' || tokens[t - 1]?.text === '.') return undefined;
  let depth = 0;
  let plainPath = true;
  for (let i = t + 1; i < tokens.length; i++) {
    const x = tokens[i] as Token;
    if (x.text === '(' || x.text === '[' || x.text === '{') {
      if (depth > 0) plainPath = false;
      depth++;
    } else if (x.text === ')' || x.text === ']' || x.text === '}') {
      if (--depth > 0) continue;
      const field = tokens[i - 1];
      if (plainPath || tokens[i - 2]?.text !== '.' || field?.kind !== 'ident') return undefined;
      const open = tokens[t + 1] as Token;
      const dot = tokens[i - 2] as Token;
      return [
        { start: (tokens[t] as Token).start, end: open.end, text: '((' },
        { start: dot.start, end: x.end, text: `).?${field.text}.hasValue())` },
      ];
    } else if (depth === 1 && x.kind !== 'ident' && x.text !== '.') plainPath = false;
  }
  return undefined;
}

/** `?`? IDENT `:` at the start of a field initializer. */
function readField(tokens: Token[], t: number): { optional: boolean; nameToken: Token; colon: number } | undefined {
  const optional = tokens[t]?.text === '?';
  const i = optional ? t + 1 : t;
  const nameToken = tokens[i];
  if (nameToken?.kind !== 'ident' || tokens[i + 1]?.text !== ':') return undefined;
  return { optional, nameToken, colon: i + 1 };
}

/** Applies non-overlapping edits and returns a map from rewritten offsets back to source offsets. */
function applyEdits(src: string, edits: Edit[]): { text: string; toOriginal: (offset: number) => number } {
  const segments: Array<{ out: number; src: number; len: number }> = [];
  let text = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    segments.push({ out: text.length, src: pos, len: e.start - pos });
    text += src.slice(pos, e.start);
    segments.push({ out: text.length, src: e.start, len: 0 });
    text += e.text;
    pos = e.end;
  }
  segments.push({ out: text.length, src: pos, len: src.length - pos });
  text += src.slice(pos);
  const toOriginal = (offset: number): number => {
    let best = segments[0] ?? { out: 0, src: 0, len: 0 };
    for (const s of segments) if (s.out <= offset) best = s;
    return best.src + Math.min(offset - best.out, best.len);
  };
  return { text, toOriginal };
}

/** Drops `"?field": null` (an empty optional) and renames `"?field"` to `field` in an evaluated value. */
export function resolveOptionalFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveOptionalFields);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!k.startsWith(OPTIONAL_FIELD_PREFIX)) out[k] = resolveOptionalFields(v);
    else if (v !== null) out[k.slice(OPTIONAL_FIELD_PREFIX.length)] = resolveOptionalFields(v);
  }
  return out;
}
