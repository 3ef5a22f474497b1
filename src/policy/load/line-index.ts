/** Maps character offsets in a text to 1-based line/column, built once per file in one pass. */
export interface LineIndex {
  position(offset: number): { line: number; col: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      // Binary search for the last line start <= offset.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}
