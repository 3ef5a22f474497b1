/**
 * A small CEL lexer: just enough to find message constructions (`Object.spec{replicas: 1}`) outside
 * string literals and comments (cel-spec syntax: strings may be '...', "...", triple-quoted, raw r'..'
 * or bytes b'..'; comments run from `//` to the end of the line).
 */

export type TokenKind = 'ident' | 'punct' | 'string' | 'number';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset of the first character. */
  start: number;
  end: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '/' && src[i + 1] === '/') i = lineEnd(src, i);
    else if (isStringStart(src, i)) {
      const end = stringEnd(src, i);
      out.push({ kind: 'string', text: src.slice(i, end), start: i, end });
      i = end;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < src.length && IDENT_PART.test(src[j] as string)) j++;
      out.push({ kind: 'ident', text: src.slice(i, j), start: i, end: j });
      i = j;
    } else if (DIGIT.test(c)) {
      let j = i + 1;
      while (j < src.length && /[0-9a-fA-FxXuU.eE]/.test(src[j] as string)) j++;
      out.push({ kind: 'number', text: src.slice(i, j), start: i, end: j });
      i = j;
    } else {
      out.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

function lineEnd(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl < 0 ? src.length : nl;
}

/** A quote, or r/R/b/B (or a pair like rb) directly followed by a quote. */
function isStringStart(src: string, i: number): boolean {
  const c = src[i];
  if (c === '"' || c === "'") return true;
  if (!/[rRbB]/.test(c ?? '')) return false;
  if (i > 0 && IDENT_PART.test(src[i - 1] as string)) return false;
  const n = src[i + 1];
  if (n === '"' || n === "'") return true;
  return /[rRbB]/.test(n ?? '') && (src[i + 2] === '"' || src[i + 2] === "'");
}

function stringEnd(src: string, start: number): number {
  let i = start;
  let raw = false;
  while (src[i] !== '"' && src[i] !== "'") {
    if (src[i] === 'r' || src[i] === 'R') raw = true;
    i++;
  }
  const q = src[i] as string;
  const triple = src.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  i += close.length;
  while (i < src.length) {
    if (!raw && src[i] === '\\') i += 2;
    else if (src.startsWith(close, i)) return i + close.length;
    else if (!triple && src[i] === '\n') return i;
    else i++;
  }
  return src.length;
}
