/** RFC 6901 JSON Pointer helpers. */

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** Reads the value at a pointer; undefined when any step is missing. */
export function getAtPointer(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(token)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[token];
    else return undefined;
  }
  return cur;
}
