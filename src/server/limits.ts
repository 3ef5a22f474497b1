/**
 * Body limit for AdmissionReview requests: 7 MiB, as controller-runtime's webhook server
 * (pkg/webhook/admission/http.go, maxRequestSize). The API server accepts write bodies up to 3 MiB
 * (k8s.io/apiserver config MaxRequestBodyBytes: etcd stores objects up to 1.5 MiB, and JSON may be twice
 * the protobuf size). An UPDATE review carries two objects (object and oldObject), each at most 3 MiB,
 * plus an envelope well under 1 MiB: 3 + 3 + 1 = 7 MiB.
 */
export const BODY_LIMIT_BYTES = 7 * 1024 * 1024;
