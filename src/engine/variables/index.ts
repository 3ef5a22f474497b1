/**
 * Kyverno variables: JMESPath with Kyverno's custom functions, `{{ }}` substitution and `$( )` references.
 * The module's only entry.
 */
import { substituteReferences } from './substitute/references.js';
import { substituteVariables, type SubstituteOptions } from './substitute/substitute.js';

export { VariableError, type VariableErrorCode } from './errors.js';
export { compileJmesPath, searchJmesPath, type CompiledJmesPath, type CompileResult, type JmesPathParseFailure } from './jmespath/compile.js';
export type { FunctionEnv, FunctionDef, ArgSpec, JpType } from './functions/types.js';
export { kyvernoFunctions, listFunctions, type KyvernoFunctionName } from './functions/registry.js';
export { substituteVariables, containsVariableSyntax, compileSubstitution, type SubstituteOptions } from './substitute/substitute.js';
export { findVariables, type FoundVariable } from './substitute/find.js';
export { substituteReferences } from './substitute/references.js';
export { goJsonMarshal } from './substitute/go-json.js';

/** Kyverno's SubstituteAll: `$( )` references first (within the document), then `{{ }}` variables. */
export function substituteAll(
  value: unknown,
  data: Record<string, unknown>,
  opts?: SubstituteOptions,
): unknown {
  return substituteVariables(substituteReferences(value), data, opts);
}

/** The message Kyverno puts on a rule whose pattern failed substitution (engineapi.RuleError). */
export function variableSubstitutionFailedMessage(error: { message: string }): string {
  return `variable substitution failed: ${error.message}`;
}
