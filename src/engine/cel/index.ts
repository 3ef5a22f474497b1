export type {
  CelIssueCode,
  CelCompileResult,
  CelCompileFailure,
  CelCompileOptions,
  CelProgram,
  CelEvalResult,
  CelEvalOptions,
} from './types.js';
export { CEL_ISSUE_CODES } from './types.js';
export { compileCel } from './compile.js';
export { PER_CALL_LIMIT, RUNTIME_CEL_COST_BUDGET } from './cost.js';
export { toCelActivation } from './program.js';
export { createKyvernoHandles, KYVERNO_CEL_LIBRARIES } from './libs/index.js';
export type { CelHostLibraries, KyvernoCelLibrary } from './libs/index.js';
