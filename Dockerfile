# syntax=docker/dockerfile:1
# Shopfront: multi-stage, production dependencies only, non-root, with a healthcheck.
# The code runs on Node 20 and 22; the image uses the current LTS line.

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY schema ./schema
COPY migrations ./migrations
COPY db ./db
COPY src ./src
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node runs as PID 1's child of nothing: signals reach it directly (graceful shutdown on SIGTERM).
CMD ["node", "--import", "tsx", "src/main.ts"]
