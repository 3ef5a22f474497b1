/** A ClusterPolicy/Policy rule (api/kyverno/v1 rule_types.go, image_verification_types.go). */
import { bool, closed, listOf, looseList, looseObject, oneOfStrings, ref, str, strList, strMap } from './common.js';
import type { JsonSchema } from './common.js';
import { celPrecondition, conditions, contextList } from './kyverno-context.js';

/** verifyImages entries: top-level fields are closed; attestor and attestation internals are not typed. */
const imageVerification = closed({
  failureAction: oneOfStrings('Audit', 'Enforce'),
  type: oneOfStrings('Cosign', 'SigstoreBundle', 'Notary'),
  image: str,
  imageReferences: strList,
  skipImageReferences: strList,
  key: str,
  roots: str,
  subject: str,
  issuer: str,
  additionalExtensions: strMap,
  attestors: looseList,
  attestations: looseList,
  annotations: strMap,
  repository: str,
  cosignOCI11: bool,
  mutateDigest: bool,
  verifyDigest: bool,
  validate: looseObject,
  required: bool,
  imageRegistryCredentials: looseObject,
  useCache: bool,
});

export const rule: JsonSchema = closed(
  {
    // Kyverno limits rule names to 63 characters (rule_types.go kubebuilder:validation:MaxLength=63).
    name: { type: 'string', minLength: 1, maxLength: 63 },
    context: contextList,
    match: ref('matchResources'),
    exclude: ref('matchResources'),
    imageExtractors: looseObject,
    preconditions: conditions,
    celPreconditions: listOf(celPrecondition),
    mutate: ref('mutation'),
    validate: ref('validation'),
    generate: ref('generation'),
    verifyImages: listOf(imageVerification),
    skipBackgroundRequests: bool,
    reportProperties: strMap,
  },
  ['name', 'match'],
);
