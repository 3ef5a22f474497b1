/**
 * `$(...)` references in a validate message point into the pattern; when autogen wraps the pattern under
 * `spec/template` they must be shifted too (Kyverno pkg/engine/variables FindAndShiftReferences).
 */

// `$(` at the start, or after any character but a backslash (an escaped `\$(` stays literal).
const REFERENCES = /^\$\(.[^ ]*\)|[^\\]\$\(.[^ ]*\)/g;

export function shiftReferences(value: string | undefined, shift: string, pivot: string): string | undefined {
  if (!value) return value;
  let out = value;
  let currentPivot = pivot;
  for (const match of value.match(REFERENCES) ?? []) {
    const initial = match.startsWith('$(');
    const reference = initial ? match : match.slice(1);
    const index = reference.indexOf(currentPivot);
    if (currentPivot === 'anyPattern' && index >= 0) {
      // anyPattern references carry the index of the pattern: anyPattern/<i>/...
      const ruleIndex = reference.slice(index + currentPivot.length + 1).split('/')[0] ?? '';
      currentPivot = `${currentPivot}/${ruleIndex}`;
    }
    const shifted = reference.split(currentPivot).join(`${currentPivot}/${shift}`);
    const replacement = (initial ? '' : match[0]) + shifted;
    out = out.replace(match, () => replacement);
  }
  return out;
}
