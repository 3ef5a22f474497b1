/** The webhook server: fastify app (built apart from listen), policy folder store, TLS reload, lifecycle. */
export { buildApp, type AppOptions, type GuardrailApp } from './build-app.js';
export { answerReview, type AdmittedEvent, type Answer, type AnswerRecord, type AnswerContext } from './answer.js';
export type { AdmissionExtension } from './answer-types.js';
export { admissionSetsOf, type AdmissionSets } from './admission-sets.js';
export { createLifecycle, type Lifecycle } from './lifecycle.js';
export { BODY_LIMIT_BYTES } from './limits.js';
export { readiness, type Readiness, type ReadinessInput } from './readiness.js';
export { ADMISSION_PATHS } from './routes/admission-routes.js';
export { createHttpsServer, followCertificates } from './tls.js';
export {
  createPolicyStore,
  type PolicyStore,
  type PolicyStoreOptions,
  type PolicySnapshot,
  type PolicyStoreStatus,
  type PolicyFileStatus,
  type PolicyProvider,
} from './policy-store/index.js';
export { startServer, type ServeOptions, type RunningServer } from './start-server.js';
