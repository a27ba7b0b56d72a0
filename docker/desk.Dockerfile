# syntax=docker/dockerfile:1
# The built SPA behind nginx, which also proxies /api to the api service, so the browser sees
# one origin. Built from the repository root:
#   docker build -f docker/desk.Dockerfile -t fieldstream-desk .

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/ apps/
COPY libs/ libs/
COPY tools/ tools/
COPY tsconfig.base.json ./
# Only the front end's toolchain is needed; install scripts skipped (no native server modules).
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npx vite build --config apps/desk/vite.config.ts

FROM nginx:1.27-alpine AS runtime
COPY docker/desk.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/desk/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1
