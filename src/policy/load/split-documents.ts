/**
 * Splits a YAML stream at `---` document markers, line by line, without parsing. Safe inside block
 * scalars: YAML 1.2 §9.1.4 forbids `---` followed by a space or line end at column 0 inside any scalar
 * content (c-forbidden), so such a line always starts a new document.
 */
export interface TextChunk {
  text: string;
  /** 1-based line of the chunk's first line in the whole text. */
  startLine: number;
}

const MARKER = /^---(?:[ \t]|\r?$)/;

export function splitDocuments(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  const lines = text.split('\n');
  let current: string[] = [];
  let startLine = 1;
  lines.forEach((line, i) => {
    if (MARKER.test(line) && current.length > 0) {
      chunks.push({ text: current.join('\n'), startLine });
      current = [];
      startLine = i + 1;
    }
    current.push(line);
  });
  chunks.push({ text: current.join('\n'), startLine });
  return chunks;
}
