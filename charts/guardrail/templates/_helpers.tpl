{{/* Names, labels and derived values shared by every template. */}}

{{- define "guardrail.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: <release>-<chart> unless the release name already contains the chart name (Helm's scaffold). */}}
{{- define "guardrail.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/ */}}
{{- define "guardrail.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "guardrail.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: admission-webhook
app.kubernetes.io/part-of: guardrail
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "guardrail.selectorLabels" -}}
app.kubernetes.io/name: {{ include "guardrail.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "guardrail.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "guardrail.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "guardrail.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The in-cluster DNS name the API server calls; the serving certificate must carry it as a SAN. */}}
{{- define "guardrail.serviceHost" -}}
{{- printf "%s.%s.svc" (include "guardrail.fullname" .) .Release.Namespace }}
{{- end }}

{{/* The Secret holding the serving pair, per certificate mode. */}}
{{- define "guardrail.tlsSecretName" -}}
{{- if eq .Values.certificates.mode "certManager" }}
{{- printf "%s-tls" (include "guardrail.fullname" .) }}
{{- else if eq .Values.certificates.mode "existingSecret" }}
{{- .Values.certificates.existingSecret.name }}
{{- else }}
{{- default (printf "%s-ca" (include "guardrail.fullname" .)) .Values.certificates.selfManaged.secretName }}
{{- end }}
{{- end }}

{{- define "guardrail.validatingWebhookName" -}}
{{- include "guardrail.fullname" . }}
{{- end }}

{{- define "guardrail.mutatingWebhookName" -}}
{{- include "guardrail.fullname" . }}
{{- end }}

{{/* Namespaces never sent to Guardrail: the configured ones plus the release's own. */}}
{{- define "guardrail.namespaceSelector" -}}
matchExpressions:
  - key: kubernetes.io/metadata.name
    operator: NotIn
    values:
      {{- range (append .Values.webhooks.excludeNamespaces .Release.Namespace | uniq) }}
      - {{ . | quote }}
      {{- end }}
{{- end }}

{{/* caBundle or cert-manager's injection annotation, per certificate mode. */}}
{{- define "guardrail.webhookAnnotations" -}}
{{- if eq .Values.certificates.mode "certManager" }}
annotations:
  cert-manager.io/inject-ca-from: {{ printf "%s/%s" .Release.Namespace (include "guardrail.fullname" .) }}
{{- end }}
{{- end }}

{{- define "guardrail.clientConfig" -}}
clientConfig:
  service:
    name: {{ include "guardrail.fullname" .root }}
    namespace: {{ .root.Release.Namespace }}
    path: {{ .path }}
    port: {{ .root.Values.service.port }}
  {{- if eq .root.Values.certificates.mode "existingSecret" }}
  caBundle: {{ .root.Values.certificates.existingSecret.caBundle }}
  {{- end }}
{{- end }}
