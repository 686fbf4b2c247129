using PloSolver.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace PloSolver.Deploy.Tests;

/// <summary>deploy/docker-compose.yml, checked as YAML (there is no Docker engine on the test machines).</summary>
public sealed class ComposeFileTests
{
    private static readonly Compose Stack = new("deploy/docker-compose.yml");

    [Fact]
    public void Has_the_five_services_of_the_architecture_and_a_migration_job()
    {
        foreach (var service in new[] { "traefik", "frontend", "backend", "db", "discourse", "migrate" })
        {
            Assert.Contains(service, Stack.Services.Keys());
        }
    }

    [Fact]
    public void Profile_app_starts_the_app_and_traefik_adds_the_edge()
    {
        var app = Stack.StartedBy("app");
        Assert.Superset(new HashSet<string> { "frontend", "backend", "db", "migrate" }, app);
        Assert.DoesNotContain("traefik", app);
        Assert.DoesNotContain("discourse", app);

        var production = Stack.StartedBy("traefik", "app");
        Assert.Superset(new HashSet<string> { "traefik", "frontend", "backend", "db", "migrate" }, production);

        // Nothing starts without a profile: a bare `docker compose up` is a mistake, not a partial deployment.
        Assert.Empty(Stack.StartedBy());
        Assert.Contains("discourse", Stack.StartedBy("forum"));
    }

    [Fact]
    public void Every_long_running_service_has_a_healthcheck()
    {
        foreach (var service in Stack.Services.Keys().Where(s => s != "migrate"))
        {
            var test = Stack.Service(service).Strings("healthcheck.test");
            Assert.True(test.Count > 0, $"{service} has an empty healthcheck");
            Assert.False(Stack.Service(service).Has("healthcheck.disable"), $"{service} disables its healthcheck");
        }
        Assert.Contains(Stack.Service("backend").Strings("healthcheck.test"), part => part.EndsWith(":5001/health", StringComparison.Ordinal));
        Assert.Contains("pg_isready", string.Join(' ', Stack.Service("db").Strings("healthcheck.test")), StringComparison.Ordinal);
    }

    [Fact]
    public void Backend_can_be_scaled_and_runs_locked_down()
    {
        var backend = Stack.Service("backend");
        Assert.False(backend.Has("container_name"), "a container_name would stop --scale backend=3");
        Assert.False(backend.Has("ports"), "a host port would stop --scale backend=3");
        Assert.Equal("1001:1001", backend.Text("user"));
        Assert.Equal("true", backend.Text("read_only"));
        Assert.Contains("/tmp", backend.Strings("tmpfs"));
        Assert.NotEmpty(backend.Text("deploy.resources.limits.cpus"));
        Assert.NotEmpty(backend.Text("deploy.resources.limits.memory"));
    }

    [Fact]
    public void Migrations_run_once_before_the_backend_starts()
    {
        var migrate = Stack.Service("migrate");
        Assert.Equal(["dotnet", "PloSolver.Server.dll", "migrate"], migrate.Strings("command"));
        Assert.Equal("no", migrate.Text("restart"));
        Assert.Equal(Stack.Service("backend").Text("image"), migrate.Text("image"));
        Assert.Equal("service_completed_successfully", Stack.Service("backend").Text("depends_on.migrate.condition"));
        Assert.Equal("service_healthy", Stack.Service("backend").Text("depends_on.db.condition"));
        Assert.Equal("service_healthy", migrate.Text("depends_on.db.condition"));
    }

    [Fact]
    public void Named_volumes_exist_and_backups_are_mounted_into_the_database()
    {
        var volumes = Stack.Root.Map("volumes").Keys().ToList();
        foreach (var volume in new[] { "postgres_data", "discourse_shared", "discourse_log", "traefik_letsencrypt" })
        {
            Assert.Contains(volume, volumes);
        }
        var db = Stack.Service("db").Strings("volumes");
        Assert.Contains("postgres_data:/var/lib/postgresql/data", db);
        Assert.Contains("./backups:/backups", db);
        Assert.Equal("postgres:15", Stack.Service("db").Text("image"));
        Assert.Contains("discourse_shared:/shared", Stack.Service("discourse").Strings("volumes"));
        Assert.Contains("discourse_log:/var/log", Stack.Service("discourse").Strings("volumes"));
        Assert.Contains("traefik_letsencrypt:/letsencrypt", Stack.Service("traefik").Strings("volumes"));
    }

    [Fact]
    public void Every_service_is_on_the_one_network()
    {
        Assert.Equal("plosolver", Stack.Root.Text("networks.plosolver.name"));
        foreach (var service in Stack.Services.Keys())
        {
            var networks = Stack.Service(service).At("networks");
            var names = networks is YamlMappingNode map ? map.Keys() : Stack.Service(service).Strings("networks");
            Assert.Equal(["plosolver"], names);
        }
    }

    [Fact]
    public void Secrets_reach_the_server_as_files_only()
    {
        var declared = Stack.Root.Map("secrets");
        foreach (var service in new[] { "backend", "migrate" })
        {
            var environment = Stack.Environment(service);
            var mounted = Stack.Service(service).Strings("secrets");
            foreach (var secret in new[] { "DATABASE_URL", "SECRET_KEY", "JWT_SECRET_KEY" })
            {
                Assert.False(environment.ContainsKey(secret), $"{service} gets {secret} in plain text");
                var file = environment[secret + "_FILE"];
                var name = Path.GetFileName(file);
                Assert.Equal("/run/secrets/" + name, file);
                Assert.Contains(name, mounted);
            }
        }
        foreach (var service in Stack.Services.Keys().Where(s => Stack.Service(s).Has("secrets")))
        {
            foreach (var name in Stack.Service(service).Strings("secrets"))
            {
                Assert.StartsWith("./secrets/", declared.Text(name + ".file"), StringComparison.Ordinal);
            }
        }
        Assert.Equal("/run/secrets/postgres_password", Stack.Environment("db")["POSTGRES_PASSWORD_FILE"]);
    }

    [Fact]
    public void Traefik_finds_backend_frontend_and_forum_by_label()
    {
        foreach (var (service, port) in new[] { ("backend", "5001"), ("frontend", "3000"), ("discourse", "80") })
        {
            var labels = Stack.Labels(service);
            Assert.Contains("traefik.enable=true", labels);
            Assert.Contains(labels, l => l.StartsWith("traefik.http.services.", StringComparison.Ordinal) && l.EndsWith(".loadbalancer.server.port=" + port, StringComparison.Ordinal));
        }
        Assert.Contains(Stack.Labels("backend"), l => l.EndsWith(".loadbalancer.healthcheck.path=/health", StringComparison.Ordinal));
        // Only Traefik is published; the internal entrypoint only on loopback.
        var ports = Stack.Service("traefik").Strings("ports");
        Assert.Contains("80:80", ports);
        Assert.Contains("443:443", ports);
        Assert.All(ports.Where(p => p is not ("80:80" or "443:443")), p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
        foreach (var service in Stack.Services.Keys().Where(s => s != "traefik" && Stack.Service(s).Has("ports")))
        {
            Assert.All(Stack.Service(service).Strings("ports"), p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("deploy/docker-compose.yml")]
    [InlineData("deploy/docker-compose.blue-green.yml")]
    public void Every_interpolated_variable_is_documented_in_the_env_example(string file)
    {
        var documented = EnvFile.Load("deploy/.env.example").Keys.ToHashSet();
        var missing = new Compose(file).InterpolatedVariables().Where(v => !documented.Contains(v)).Order().ToList();
        Assert.True(missing.Count == 0, $"{file} uses variables not in deploy/.env.example: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_development_file_publishes_on_loopback_only()
    {
        var development = new Compose("deploy/docker-compose.dev.yml");
        Assert.Equal(["backend", "db", "frontend"], development.Services.Keys().Order());
        foreach (var service in development.Services.Keys())
        {
            Assert.Contains(service, Stack.Services.Keys());
            Assert.All(development.Service(service).Has("ports") ? development.Service(service).Strings("ports") : [],
                p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
        }
    }
}
