/**
 * Canonical strings for CEL values so that results from different libraries can be compared with
 * the conformance suite's expected `cel.expr.Value` (proto JSON form).
 */
export class UnsupportedValue extends Error {}

type Json = Record<string, unknown>;

/** cel.expr.Value JSON -> canonical string. */
export function canonicalExpected(value: Json): string {
  const [kind, v] = Object.entries(value)[0] ?? ['nullValue', null];
  switch (kind) {
    case 'int64Value':
      return `int(${String(v)})`;
    case 'uint64Value':
      return `uint(${String(v)})`;
    case 'doubleValue':
      return `double(${String(Number(v))})`;
    case 'stringValue':
      return `string(${JSON.stringify(v)})`;
    case 'bytesValue':
      return `bytes(${String(v)})`;
    case 'boolValue':
      return `bool(${String(v)})`;
    case 'nullValue':
      return 'null';
    case 'typeValue':
      return `type(${String(v)})`;
    case 'listValue':
      return `list[${(((v as Json).values ?? []) as Json[]).map(canonicalExpected).join(',')}]`;
    case 'mapValue': {
      const entries = ((v as Json).entries ?? []) as { key: Json; value: Json }[];
      return canonicalMap(entries.map((e) => [canonicalExpected(e.key), canonicalExpected(e.value)]));
    }
    default:
      throw new UnsupportedValue(`expected value kind ${kind}`);
  }
}

export function canonicalMap(entries: [string, string][]): string {
  return `map{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}:${v}`).join(',')}}`;
}

export function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export interface ValueFactory {
  int(v: bigint): unknown;
  uint(v: bigint): unknown;
  map(entries: [unknown, unknown][]): unknown;
}

/** cel.expr.Value JSON -> JS input value for a library (its own int/uint/map types). */
export function inputValue(value: Json, f: ValueFactory): unknown {
  const [kind, v] = Object.entries(value)[0] ?? ['nullValue', null];
  switch (kind) {
    case 'int64Value':
      return f.int(BigInt(String(v)));
    case 'uint64Value':
      return f.uint(BigInt(String(v)));
    case 'doubleValue':
      return Number(v);
    case 'stringValue':
    case 'boolValue':
      return v;
    case 'bytesValue':
      return Uint8Array.from(atob(String(v)), (c) => c.charCodeAt(0));
    case 'nullValue':
      return null;
    case 'listValue':
      return (((v as Json).values ?? []) as Json[]).map((x) => inputValue(x, f));
    case 'mapValue': {
      const entries = ((v as Json).entries ?? []) as { key: Json; value: Json }[];
      return f.map(entries.map((e) => [inputValue(e.key, f), inputValue(e.value, f)]));
    }
    default:
      throw new UnsupportedValue(`binding kind ${kind}`);
  }
}
