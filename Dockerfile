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
RUN mkdir -p /app/data && chown indexer:indexer /app/data
USER indexer
# A real deployment even on the embedded parts: no admin/admin, no random token key (the demo is ./indexer run).
ENV DATA_DIR=/app/data DEMO=off
EXPOSE 8000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-jar", "/app/intellisite-indexer.jar"]
CMD ["run"]
