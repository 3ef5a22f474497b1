/**
 * Fast parsing with js-yaml (resources in bulk). Only document starts (and List item starts) get a
 * position. They come for free: js-yaml parses to an event stream whose node events carry source offsets,
 * so we read the offset of each document's root node and then build values from the same events — one
 * parse, no second pass over the text.
 */
import { EVENT_ID, constructFromEvents, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { Issue, SourcePosition } from '../../engine/result.js';
import { createLineIndex } from './line-index.js';
import { nearestPosition } from './loaded-document.js';
import type { LoadedDocument } from './loaded-document.js';
import type { ParseResult } from './parse-result.js';
import { splitDocuments } from './split-documents.js';
import { yamlParseIssue } from './yaml-issue.js';
import { JS_YAML_SCHEMA } from './yaml-schema.js';

export function parseFast(text: string, file: string): ParseResult {
  try {
    return parseStream(text, file, 0).result;
  } catch {
    // One malformed document must not hide the others: parse document by document.
    return salvage(text, file);
  }
}

function parseStream(text: string, file: string, indexBase: number): { result: ParseResult; count: number } {
  const events = parseEvents(text, { filename: file });
  const values = constructFromEvents(events, { source: text, filename: file, schema: JS_YAML_SCHEMA });
  const lines = createLineIndex(text);
  const at = (offset: number): SourcePosition => ({ file, ...lines.position(Math.max(0, offset)) });
  const roots: number[] = [];
  events.forEach((ev, i) => {
    if (ev.type === EVENT_ID.DOCUMENT) roots.push(i + 1);
  });
  const docs: LoadedDocument[] = [];
  values.forEach((value, k) => {
    const root = roots[k] ?? 0;
    if (value === null || value === undefined) return;
    const known = new Map<string, SourcePosition>([['', at(nodeStart(events[root]))]]);
    if (hasItems(value)) {
      itemOffsets(events, root, text).forEach((offset, i) => known.set(`/items/${i}`, at(offset)));
    }
    const start = known.get('') as SourcePosition;
    docs.push({
      value,
      file,
      index: indexBase + k,
      line: start.line,
      col: start.col,
      positionOf: (pointer) => nearestPosition((p) => known.get(p), pointer),
    });
  });
  return { result: { docs, issues: [] }, count: values.length };
}

function salvage(text: string, file: string): ParseResult {
  const result: ParseResult = { docs: [], issues: [] };
  let index = 0;
  for (const chunk of splitDocuments(text)) {
    // Padding with newlines keeps line numbers (and offsets' columns) those of the whole file.
    const padded = '\n'.repeat(chunk.startLine - 1) + chunk.text;
    try {
      const part = parseStream(padded, file, index);
      result.docs.push(...part.result.docs);
      index += part.count;
    } catch (err: unknown) {
      result.issues.push(errorIssue(err, file, chunk.startLine));
      index += 1;
    }
  }
  return result;
}

function errorIssue(err: unknown, file: string, fallbackLine: number): Issue {
  const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const source = e.mark
    ? { file, line: e.mark.line + 1, col: e.mark.column + 1 }
    : { file, line: fallbackLine, col: 1 };
  return yamlParseIssue(e.reason ?? e.message ?? String(err), source);
}

function nodeStart(ev: Event | undefined): number {
  if (!ev || ev.type === EVENT_ID.DOCUMENT || ev.type === EVENT_ID.POP) return 0;
  if (ev.type === EVENT_ID.ALIAS) return ev.anchorStart - 1;
  const main = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.start;
  const candidates = [main, ev.anchorStart - 1, ev.tagStart - 1].filter((o) => o >= 0);
  return candidates.length ? Math.min(...candidates) : 0;
}

function hasItems(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { items?: unknown }).items);
}

/** Index after the node starting at events[i]. */
function skipNode(events: Event[], i: number): number {
  const ev = events[i];
  if (ev?.type !== EVENT_ID.MAPPING && ev?.type !== EVENT_ID.SEQUENCE) return i + 1;
  let j = i + 1;
  while (j < events.length && events[j]?.type !== EVENT_ID.POP) j = skipNode(events, j);
  return j + 1;
}

/** Start offsets of the entries of the root mapping's `items` sequence. */
function itemOffsets(events: Event[], root: number, text: string): number[] {
  if (events[root]?.type !== EVENT_ID.MAPPING) return [];
  for (let j = root + 1; j < events.length && events[j]?.type !== EVENT_ID.POP; ) {
    const key = events[j] as Event;
    const valueIndex = skipNode(events, j);
    const isItems = key.type === EVENT_ID.SCALAR && getScalarValue(text, key as ScalarEvent) === 'items';
    if (isItems && events[valueIndex]?.type === EVENT_ID.SEQUENCE) {
      const offsets: number[] = [];
      for (let k = valueIndex + 1; events[k] && events[k]?.type !== EVENT_ID.POP; k = skipNode(events, k)) {
        offsets.push(nodeStart(events[k]));
      }
      return offsets;
    }
    j = skipNode(events, valueIndex);
  }
  return [];
}
