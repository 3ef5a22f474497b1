/**
 * Kyverno variables: JMESPath with Kyverno's custom functions, `{{ }}` substitution and `$( )` references.
 * The module's only entry.
 */
export { VariableError, type VariableErrorCode } from './errors.js';
export { compileJmesPath, searchJmesPath, type CompiledJmesPath, type CompileResult, type JmesPathParseFailure } from './jmespath/compile.js';
export type { FunctionEnv, FunctionDef, ArgSpec, JpType } from './functions/types.js';
export { kyvernoFunctions, listFunctions, type KyvernoFunctionName } from './functions/registry.js';
