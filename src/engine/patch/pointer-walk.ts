/** Pointer navigation shared by applyJsonPatch: find (and optionally create) the parent of a location. */
import { unescapePointerToken } from '../json-pointer.js';
import { isJsonMap, type JsonMap } from './json-values.js';

export type Container = JsonMap | unknown[];

/** RFC 6901 parse that returns undefined instead of throwing for a pointer without a leading `/`. */
export function parsePointerSafe(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

const INDEX_RE = /^(0|[1-9][0-9]*)$/;

/**
 * An array index token: decimal without leading zeros (RFC 6901 section 4); with `negative`, -1 names the
 * last element. `forAdd` allows the index equal to the length (insert at the end).
 */
export function readIndex(token: string, length: number, negative: boolean, forAdd: boolean): number | undefined {
  if (INDEX_RE.test(token)) return Number(token);
  if (negative && /^-[1-9][0-9]*$/.test(token)) {
    const i = length + Number(token) + (forAdd ? 1 : 0);
    return i < 0 ? undefined : i;
  }
  return undefined;
}

/**
 * Walks to the parent of the last token. With `create`, missing intermediate values become `{}`, or `[]`
 * when the next token is an index or `-` (evanphx/json-patch ensurePathExists).
 */
export function locate(root: unknown, tokens: readonly string[], create: boolean): { parent: Container; key: string } | undefined {
  if (tokens.length === 0) return undefined;
  let cur: unknown = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i] as string;
    const nextToken = tokens[i + 1] as string;
    let child: unknown;
    if (Array.isArray(cur)) {
      const idx = readIndex(t, cur.length, true, false);
      child = idx === undefined ? undefined : cur[idx];
      if (child === undefined || child === null) {
        if (!create) return undefined;
        const created = newContainer(nextToken);
        if (!insertCreated(cur, t, created)) return undefined;
        child = created;
      }
    } else if (isJsonMap(cur)) {
      child = cur[t];
      if (child === undefined || child === null) {
        if (!create) return undefined;
        child = newContainer(nextToken);
        cur[t] = child;
      }
    } else {
      return undefined;
    }
    cur = child;
  }
  if (!Array.isArray(cur) && !isJsonMap(cur)) return undefined;
  return { parent: cur, key: tokens[tokens.length - 1] as string };
}

const newContainer = (nextToken: string): Container => (INDEX_RE.test(nextToken) || nextToken === '-' || /^-[1-9][0-9]*$/.test(nextToken) ? [] : {});

/**
 * Places a created container in an array (evanphx ensurePathExists): `-` appends, a negative index counts
 * from the end (-1 = append), an index past the end pads with nulls.
 */
function insertCreated(arr: unknown[], token: string, child: Container): boolean {
  if (token === '-') {
    arr.push(child);
    return true;
  }
  if (/^-[1-9][0-9]*$/.test(token)) {
    const at = arr.length + Number(token) + 1;
    if (at < 0) return false;
    arr.splice(at, 0, child);
    return true;
  }
  if (!INDEX_RE.test(token)) return false;
  const i = Number(token);
  while (arr.length < i) arr.push(null);
  arr[i] = child;
  return true;
}
