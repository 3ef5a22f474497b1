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

{{/* The Secret mounted at /certs (certManager, existingSecret). */}}
{{- define "guardrail.tlsSecretName" -}}
{{- if eq .Values.certificates.mode "certManager" }}
{{- printf "%s-tls" (include "guardrail.fullname" .) }}
{{- else }}
{{- .Values.certificates.existingSecret.name }}
{{- end }}
{{- end }}

{{/* The chart's certificate mode as `guardrail serve --cert-mode`: a shared CA in a Secret, or a mounted Secret. */}}
{{- define "guardrail.serverCertMode" -}}
{{- if eq .Values.certificates.mode "selfManaged" }}secret{{ else }}certManager{{ end }}
{{- end }}

{{/* Names fixed by the server: its webhook configurations and its CA Secret (src/k8s, src/certs). */}}
{{- define "guardrail.webhookConfigName" -}}guardrail{{- end }}
{{- define "guardrail.caSecretName" -}}guardrail-ca{{- end }}
