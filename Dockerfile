# Komoro policy bot: compiled once in a build stage, run with production dependencies only. The
# image also runs the staff commands (npm run corpus:check, corpus, report, ask, line:setup) from
# the compiled dist/cli/commands/, since tsx, which runs them in development, is not in it.
# Node 24, an LTS line (Node 20, which the bot also runs on, reached its end of life in April 2026);
# .ci/run runs the whole suite on Node 24 as well as on the build machine's Node.
# test/deploy/production-install.test.ts reproduces these steps without a Docker engine.

FROM node:24-bookworm-slim AS build
# better-sqlite3 compiles its native addon when no prebuilt binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY corpus ./corpus
# The staff commands under the names they have in development (README, Docker); the test reads this line.
RUN npm pkg set "scripts.ask=node dist/cli/commands/ask.js" "scripts.corpus=node dist/cli/commands/corpus.js" "scripts.corpus:check=node dist/cli/commands/corpus-check.js" "scripts.report=node dist/cli/commands/report.js" "scripts.line:setup=node dist/cli/commands/line-setup.js"
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A 4 MB young-generation semi-space instead of V8's 16 MB: under load the bot stays near 285 MB
# resident instead of 305-320 MB, for no CPU cost we could measure (README, Performance). Keep in
# step with start:prod, whose arguments npm run bench runs.
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
