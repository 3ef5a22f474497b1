/**
 * Repeated context entry names within one list. Kyverno accepts them (the later entry replaces the
 * earlier one; kyverno test/cli context-entries "value-override" relies on it), so this is a warning:
 * usually a copy-paste slip, sometimes deliberate.
 */
import type { Issue } from '../../engine/result.js';
import { issue } from './issue.js';
import { asObject } from './policy-view.js';

/** Every `context` list in a rule (rule, foreach at any depth, mutate targets) with its pointer. */
export function contextLists(value: unknown, pointer: string, out: Array<[unknown[], string]> = []): Array<[unknown[], string]> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => contextLists(item, `${pointer}/${i}`, out));
    return out;
  }
  const obj = asObject(value);
  if (!obj) return out;
  for (const [key, child] of Object.entries(obj)) {
    if (key === 'context' && Array.isArray(child)) out.push([child, `${pointer}/context`]);
    else if (['validate', 'mutate', 'generate', 'foreach', 'targets'].includes(key)) contextLists(child, `${pointer}/${key}`, out);
  }
  return out;
}

export function checkContextNames(rule: unknown, pointer: string): Issue[] {
  const issues: Issue[] = [];
  for (const [entries, at] of contextLists(rule, pointer)) {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      const name = asObject(entry)?.name;
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else issues.push(issue('DUPLICATE_CONTEXT_NAME', `${at}/${i}/name`, `context entry "${name}" repeats entry ${first}; the later one replaces it`, 'warning'));
    });
  }
  return issues;
}
