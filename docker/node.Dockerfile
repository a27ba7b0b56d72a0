# syntax=docker/dockerfile:1
# One image for the api and the worker (two commands), built from the repository root:
#   docker build -f docker/node.Dockerfile -t fieldstream-server .
# The sources run through @swc-node/register, as in development: every workspace package points
# its `main` at src/index.ts, so there is no separate compiled tree to keep in step.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/package.json
COPY apps/worker/package.json apps/worker/package.json
COPY apps/desk/package.json apps/desk/package.json
COPY apps/desk-e2e/package.json apps/desk-e2e/package.json
COPY libs/ libs/
COPY tools/ tools/
# Dev dependencies stay: the runtime transpiler (@swc-node/register, @swc/core) is one of them.
# A leaner image would need a compiled build of every workspace package; not worth it yet.
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/fieldstream \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.base.json ./
COPY libs/ libs/
COPY apps/api/ apps/api/
COPY apps/worker/ apps/worker/
RUN mkdir -p /var/lib/fieldstream && chown node:node /var/lib/fieldstream
USER node
EXPOSE 3000
# The api by default; the worker's service overrides command and SWC_NODE_PROJECT.
ENV SWC_NODE_PROJECT=apps/api/tsconfig.json
STOPSIGNAL SIGTERM
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
