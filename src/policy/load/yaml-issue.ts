import type { Issue, SourcePosition } from '../../engine/result.js';

/** A YAML_PARSE issue with a one-line message (parsers add source snippets after a newline). */
export function yamlParseIssue(message: string, source: SourcePosition): Issue {
  const line = message.split('\n')[0]?.trim() || 'malformed YAML';
  return { code: 'YAML_PARSE', message: line, path: '', source, severity: 'error' };
}
