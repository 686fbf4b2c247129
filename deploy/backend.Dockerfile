# syntax=docker/dockerfile:1
# The PLOSolver server: built with the .NET SDK, run on the ASP.NET runtime as uid 1001 on port 5001.
# Build from the repository root:  docker build -f deploy/backend.Dockerfile -t plosolver/backend .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the package layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PloSolver.Engine/PloSolver.Engine.csproj src/PloSolver.Engine/
COPY src/PloSolver.Server/PloSolver.Server.csproj src/PloSolver.Server/
RUN dotnet restore src/PloSolver.Server/PloSolver.Server.csproj
COPY src/PloSolver.Engine/ src/PloSolver.Engine/
COPY src/PloSolver.Server/ src/PloSolver.Server/
RUN dotnet publish src/PloSolver.Server/PloSolver.Server.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl is for the health check only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 1001 plosolver \
    && useradd --uid 1001 --gid 1001 --no-create-home --home-dir /tmp --shell /usr/sbin/nologin plosolver
WORKDIR /app
COPY --from=build /app ./
# The root filesystem is read-only in production; logs/ is the one writable path (a volume), /tmp a tmpfs.
RUN mkdir -p /app/logs && chown 1001:1001 /app/logs
USER 1001:1001
# HOME=/tmp: ASP.NET keeps its data-protection keys under HOME; nothing durable is protected with them.
ENV ASPNETCORE_ENVIRONMENT=Production \
    PORT=5001 \
    HOME=/tmp \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 5001
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:5001/health || exit 1
CMD ["dotnet", "PloSolver.Server.dll"]
