// The deployment runs on Linux and its tests drive Linux programs (bash, nginx, PostgreSQL).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
