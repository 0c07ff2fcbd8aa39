# syntax=docker/dockerfile:1
# Multi-stage: build with the Maven wrapper on a JDK, run on a JRE as a non-root user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q install -DskipTests -pl bootstrap -am

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 indexer && useradd --system --uid 10001 --gid indexer --home-dir /app indexer
WORKDIR /app
COPY --from=build /src/bootstrap/target/libs /app/libs
COPY --from=build /src/bootstrap/target/intellisite-indexer.jar /app/intellisite-indexer.jar
RUN mkdir -p /app/data && chown indexer:indexer /app/data && chmod 700 /app/data
USER 10001:10001
# A real deployment even on the embedded parts: no admin/admin, no random token key (the demo is ./indexer run).
# The root file system may be read-only: the product writes only DATA_DIR and the temporary directory (mount a
# tmpfs or an emptyDir on /tmp); -XX:-UsePerfData keeps the JVM from writing /tmp/hsperfdata.
ENV DATA_DIR=/app/data DEMO=off
VOLUME ["/app/data"]
EXPOSE 8000
# No curl in a JRE image: the product asks itself (GET /health/ready on HTTP_PORT, HTTPS when HTTP_TLS_CERT is set).
HEALTHCHECK --interval=15s --timeout=10s --start-period=120s --retries=3 \
  CMD ["java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-jar", "/app/intellisite-indexer.jar", "health"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-jar", "/app/intellisite-indexer.jar"]
CMD ["run"]
