# syntax=docker/dockerfile:1
# The product in one image: the API compiled to JavaScript, serving the web client on the same
# origin. `docker compose up` (compose.yaml) runs two of these behind nginx with PostgreSQL and
# Redis; docs/operations.md walks through it.
#   build:   pnpm installs from the lockfile, builds the web client (vite) and the API
#            (apps/api/build.ts, esbuild), and `pnpm deploy` gathers the API with only its
#            production dependencies.
#   runtime: node, that folder, the web client's files and pg_dump; runs as the user `node`.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN npm install --global pnpm@10.34.9
WORKDIR /src
# The manifests first: the install layer is reused until the lockfile or a package.json changes.
# pnpm checks the lockfile against every workspace package, so e2e's manifest comes too.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc tsconfig.base.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --filter @yhdessa/api... --filter @yhdessa/web...
COPY packages/shared packages/shared
COPY apps/api apps/api
COPY apps/web apps/web
RUN pnpm --filter @yhdessa/web --filter @yhdessa/api build \
  && pnpm --filter @yhdessa/api deploy --prod --legacy /out/api

FROM ${NODE_IMAGE} AS runtime
# pg_dump and pg_restore for dist/backup.cli.js on a PostgreSQL server: Debian bookworm's client is
# PostgreSQL 15, the server version compose.yaml runs (pg_dump refuses a newer server).
RUN apt-get update \
  && apt-get install --yes --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  PORT=3000 \
  DATA_DIR=/data
WORKDIR /app/api
# Owned by root: the server cannot change its own code. The web client is found at ../web/dist.
COPY --from=build /out/api /app/api
COPY --from=build /src/apps/web/dist /app/web/dist
# The embedded database (without DATABASE_URL) and backups are the only places it writes.
RUN mkdir /data /backups && chown node:node /data /backups
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/server.js"]
