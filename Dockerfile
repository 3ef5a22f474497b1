# syntax=docker/dockerfile:1
# Guardrail's image: build the TypeScript once, ship only dist/, production dependencies and the policies.
# Runs as the non-root user 65532 (the distroless "nonroot" uid the Helm chart's securityContext expects);
# the root filesystem can be read-only: Guardrail writes only to /tmp, its certificate folder and its
# data-protection state folder (--state; the chart mounts emptyDirs for all three).
ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds dist/, which needs the sources copied below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY bin ./bin
COPY policies ./policies
USER 65532:65532
EXPOSE 9443
ENV GUARDRAIL_USE_DIST=1
ENTRYPOINT ["node", "dist/cli/main.js", "serve"]
CMD ["--port=9443", "--certs=/certs", "--policies=/app/policies"]
