/**
 * Exact-position parsing with the `yaml` package: every node keeps its source range, so an issue can
 * point at the line of the offending field. Used for policies (small, loaded once).
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Issue, SourcePosition } from '../../engine/result.js';
import { parsePointer } from '../../engine/json-pointer.js';
import type { LoadedDocument } from './loaded-document.js';
import type { ParseResult } from './parse-result.js';
import { MAX_ALIAS_COUNT, YAML_PACKAGE_OPTIONS } from './yaml-schema.js';
import { yamlParseIssue } from './yaml-issue.js';

export function parseFull(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...YAML_PACKAGE_OPTIONS, lineCounter });
  const docs: LoadedDocument[] = [];
  const issues: Issue[] = [];
  const at = (offset: number): SourcePosition => ({ file, ...lineCounter.linePos(offset) });
  Array.from(parsed).forEach((doc, index) => {
    const error = doc.errors[0];
    if (error) {
      issues.push(yamlParseIssue(error.message, at(error.pos[0])));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err: unknown) {
      issues.push(yamlParseIssue(err instanceof Error ? err.message : String(err), at(doc.range[0])));
      return;
    }
    if (value === null || value === undefined) return; // an empty document
    const start = at(doc.contents?.range?.[0] ?? doc.range[0]);
    docs.push({ value, file, index, line: start.line, col: start.col, positionOf: positionsOf(doc, at) });
  });
  return { docs, issues };
}

/** Walks the document's nodes along the pointer and returns the deepest node reached. */
function positionsOf(doc: Document, at: (offset: number) => SourcePosition) {
  return (pointer: string): SourcePosition | undefined => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0];
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      tokens = [];
    }
    for (const token of tokens) {
      let next: unknown;
      let nextOffset: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === token);
        // A field points at its key: that is the line a reader looks for.
        nextOffset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        next = pair?.value;
      } else if (isSeq(node)) {
        next = node.items[Number(token)];
        nextOffset = (next as Node | undefined)?.range?.[0];
      }
      if (nextOffset === undefined) break;
      node = next;
      offset = nextOffset;
    }
    return offset === undefined ? undefined : at(offset);
  };
}
