import type { SourcePosition } from '../../engine/result.js';
import { joinPointer, parsePointer } from '../../engine/json-pointer.js';

/** One YAML/JSON document (or one item of a `List`) with enough source information to point at it. */
export interface LoadedDocument {
  value: unknown;
  file: string;
  /** 0-based index of the document in its file; List items share their List's index. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  col: number;
  /** Source position of the node at an RFC 6901 pointer, or of its nearest existing ancestor. */
  positionOf(pointer: string): SourcePosition | undefined;
}

/** Looks a pointer up in a table of known positions, walking up to the nearest known ancestor. */
export function nearestPosition(
  known: (pointer: string) => SourcePosition | undefined,
  pointer: string,
): SourcePosition | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return known('');
  }
  for (let n = tokens.length; n >= 0; n--) {
    const found = known(joinPointer('', ...tokens.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** A List item: its positions are the List's positions under `/items/<i>`. */
export function childDocument(parent: LoadedDocument, pointer: string, value: unknown): LoadedDocument {
  const start = parent.positionOf(pointer) ?? { file: parent.file, line: parent.line, col: parent.col };
  return {
    value,
    file: parent.file,
    index: parent.index,
    line: start.line,
    col: start.col,
    positionOf: (p) => parent.positionOf(pointer + p),
  };
}
