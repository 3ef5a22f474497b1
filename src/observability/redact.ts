/**
 * Log-line redaction, run by pino's `formatters.log` on the object of each log call. It censors the same
 * paths that pino's `redact` option did (object, oldObject, body, data, stringData at the top level;
 * request.object and request.oldObject; `*.data` and `*.stringData` one level down) and never mutates
 * the caller's object. Why not pino's `redact`: a first-level wildcard path makes pino run its
 * (cloning) redactor on every top-level value of every line, which cost about as much as the rest of
 * the admission log line; here a line with nothing to censor is checked key by key and passed through.
 */
export const REDACT_CENSOR = '[redacted]';

const TOP_LEVEL = new Set(['object', 'oldObject', 'body', 'data', 'stringData']);
const ANY_CHILD = ['data', 'stringData'] as const;
const UNDER_REQUEST = ['object', 'oldObject'] as const;

type Fields = Record<string, unknown>;

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null;
}

function has(o: Fields, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;
}

function childKeys(key: string): readonly string[] {
  return key === 'request' ? [...ANY_CHILD, ...UNDER_REQUEST] : ANY_CHILD;
}

/** A copy of `value` with `keys` censored; an Error keeps its prototype, message and stack. */
function censored(value: Fields, keys: readonly string[]): Fields {
  const copy: Fields = value instanceof Error ? Object.assign(Object.create(Object.getPrototypeOf(value) as object) as Fields, { message: value.message, stack: value.stack }) : {};
  Object.assign(copy, value);
  for (const k of keys) if (has(value, k)) copy[k] = REDACT_CENSOR;
  return copy;
}

function needsCensor(fields: Fields): boolean {
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const v = fields[key];
    if (v === undefined) continue;
    if (TOP_LEVEL.has(key)) return true;
    if (isObject(v) && childKeys(key).some((k) => has(v, k))) return true;
  }
  return false;
}

/** The log object with sensitive fields censored; the same object when there is nothing to censor. */
export function redactLogFields(fields: Fields): Fields {
  if (!needsCensor(fields)) return fields;
  const out: Fields = {};
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const v = fields[key];
    if (TOP_LEVEL.has(key) && v !== undefined) out[key] = REDACT_CENSOR;
    else if (isObject(v) && childKeys(key).some((k) => has(v, k))) out[key] = censored(v, childKeys(key));
    else out[key] = v;
  }
  return out;
}
