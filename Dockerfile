# Build: docker build -t faceclock .   Run: docker run -p 8080:8080 -v faceclock-data:/data faceclock
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data faceclock \
    && mkdir -p /data /models && chown faceclock /data /models
WORKDIR /opt/faceclock
COPY --from=build /src/target/faceclock.jar ./
COPY --from=build /src/target/lib ./lib
USER faceclock
ENV FACECLOCK_DATA_DIR=/data \
    FACECLOCK_MODELS_DIR=/models \
    FACECLOCK_PORT=8080 \
    ORT_DISABLE_TELEMETRY=1 \
    MALLOC_ARENA_MAX=2
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/observe/health || exit 1
# umask 077: every file faceclock makes in /data stays private to its user
ENTRYPOINT ["sh", "-c", "umask 077 && exec java -jar /opt/faceclock/faceclock.jar \"$@\"", "faceclock"]
CMD ["serve"]
