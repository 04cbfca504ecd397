# syntax=docker/dockerfile:1
# One Dockerfile, one image per app: the build stage compiles every app once (Maven + JDK 25), each app's stage copies
# its fat jar onto a JRE 25. Build one image with its stage as target, from the repository root:
#
#   docker build --target reactive -t loop-vs-loom/reactive:dev .
#
# Targets: downstream, reactive, virtual, platform (the virtual jar in platform mode), gateway, loadtest, and
# database-migrate (services/database's jar: brings a PostgreSQL's schema and data up to date, then exits).
# docker-compose.yml builds all of them; k8s/README.md shows the loop for kind, minikube and a registry.
# BuildKit (the default builder since Docker 23) keeps Maven's repository in a cache mount between builds; the mount is
# sharing=locked, so two builds at once (compose builds every target in parallel) take turns instead of writing the same
# files together.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# ---- build: the apps' fat jars, tests skipped (CI runs them: ./mvnw verify) -------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# Only the apps and what they need (-am); the wrapper fetches Maven 3.9.11, the toolchains plugin takes this JDK 25.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B --no-transfer-progress -DskipTests \
      -pl services/downstream,services/reactive,services/virtual,gateway,services/database -am package \
 && mkdir -p /out \
 && cp services/downstream/target/downstream-0.1.0-SNAPSHOT.jar /out/downstream.jar \
 && cp services/reactive/target/reactive-0.1.0-SNAPSHOT.jar /out/reactive.jar \
 && cp services/virtual/target/virtual-0.1.0-SNAPSHOT.jar /out/virtual.jar \
 && cp gateway/target/gateway-0.1.0-SNAPSHOT.jar /out/gateway.jar \
 && cp services/database/target/database-0.1.0-SNAPSHOT.jar /out/database.jar

# The load harness on its own, so the apps' images never wait for (or break with) it.
FROM ${JDK_IMAGE} AS build-loadtest
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B --no-transfer-progress -DskipTests -pl loadtest -am package \
 && mkdir -p /out \
 && cp loadtest/target/loadtest-0.1.0-SNAPSHOT.jar /out/loadtest.jar

# ---- jvm: JRE 25, a numeric non-root user, the JVM's memory budget; the apps' runtime and the harness build on it ---
FROM ${JRE_IMAGE} AS jvm
# A numeric user, so Kubernetes' runAsNonRoot can verify it without a passwd lookup.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
# Every pool of memory the JVM can grow is capped, so heap + direct + metaspace + code cache + thread stacks stay below
# the container's limit with room to spare (k8s/README.md, "Memory budget"; deploy/'s MemoryBudgetTest adds them up
# against every limit in k8s/ and docker-compose.yml). The heap is the one ./demo gives every app (-Xms256m -Xmx512m);
# direct memory is Netty's buffers (by default it may take as much as the heap). G1 named explicitly: with one CPU the
# JVM would pick Serial. PerfDisableSharedMem: no hsperfdata file in /tmp (a memory-mapped file that counts against the
# limit and is written to disk); jcmd still attaches, jps and jstat no longer list the process.
# JDK_JAVA_OPTIONS is read by the java launcher only (not by jcmd or jstack run in the container); override it whole.
ENV JDK_JAVA_OPTIONS="-Xms256m -Xmx512m -XX:MaxDirectMemorySize=128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:+PerfDisableSharedMem"
USER 10001:10001

# ---- runtime: what every app's image shares ----------------------------------------------------------------------
FROM jvm AS runtime
WORKDIR /app
# Health check without curl (the JRE image need not have it): bash's /dev/tcp, one HTTP/1.0 GET on the management port.
COPY --chmod=0755 deploy/docker/healthcheck /app/healthcheck
ENV MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_ENABLED=true \
    MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_GRACE_PERIOD=30s
# Readiness, not liveness: compose's depends_on (service_healthy) should wait until the app can serve.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 CMD ["/app/healthcheck"]
# exec form: java is PID 1 and gets SIGTERM itself (graceful shutdown, then exit).
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS downstream
COPY --from=build /out/downstream.jar /app/app.jar
ENV PORT=8084 MANAGEMENT_PORT=9084
EXPOSE 8084 9084

FROM runtime AS reactive
COPY --from=build /out/reactive.jar /app/app.jar
ENV PORT=8081 MANAGEMENT_PORT=9081 DOWNSTREAM_URL=http://downstream:8084
EXPOSE 8081 9081

FROM runtime AS virtual
COPY --from=build /out/virtual.jar /app/app.jar
ENV PORT=8082 MANAGEMENT_PORT=9082 DOWNSTREAM_URL=http://downstream:8084
EXPOSE 8082 9082

# The virtual app's jar with 200 platform threads per request pool (services/virtual/.../application-platform.yml).
FROM runtime AS platform
COPY --from=build /out/virtual.jar /app/app.jar
ENV MICRONAUT_ENVIRONMENTS=platform PORT=8083 MANAGEMENT_PORT=9083 DOWNSTREAM_URL=http://downstream:8084
EXPOSE 8083 9083

FROM runtime AS gateway
COPY --from=build /out/gateway.jar /app/app.jar
ENV PORT=8080 MANAGEMENT_PORT=9080 \
    REACTIVE_URL=http://reactive:8081 VIRTUAL_URL=http://virtual:8082 PLATFORM_URL=http://platform:8083 \
    GO_URL=http://go:8085 NODE_URL=http://node:8086
EXPOSE 8080 9080

# The database's migrations (Flyway, services/database): run once before the styles by compose's database-migrate
# service and k8s's database-migrate Job, against the PostgreSQL that libpq's variables name (PGHOST, PGPORT,
# PGDATABASE, PGUSER, PGPASSWORD); applied migrations are recorded there, so a second run changes nothing. A one-shot
# command, not a server: no ports, no health check. (The jar also holds an embedded PostgreSQL for ./demo, unused here.)
FROM jvm AS database-migrate
WORKDIR /tmp
COPY --from=build /out/database.jar /app/database.jar
ENTRYPOINT ["java", "-jar", "/app/database.jar", "migrate"]

# The harness: a CLI, not a server (scenarios are built into its jar). No health check; arguments come from compose
# or the k8s Job. It works in /tmp, the one writable folder, so its default report/ folder lands there too; compose
# and k8s mount a volume at /results for results that outlive the container (owned by the harness's user, so a
# docker volume created from it is writable).
FROM jvm AS loadtest
USER 0
RUN mkdir /results && chown 10001:10001 /results
USER 10001:10001
WORKDIR /tmp
COPY --from=build-loadtest /out/loadtest.jar /app/loadtest.jar
COPY --chmod=0755 deploy/docker/await-gateway /app/await-gateway
COPY apps/apps.conf /app/apps.conf
ENTRYPOINT ["java", "-jar", "/app/loadtest.jar"]
