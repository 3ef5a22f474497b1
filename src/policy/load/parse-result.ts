import type { Issue } from '../../engine/result.js';
import type { LoadedDocument } from './loaded-document.js';

export interface ParseResult {
  docs: LoadedDocument[];
  issues: Issue[];
}
