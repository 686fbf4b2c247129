using PloSolver.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace PloSolver.Deploy.Tests;

/// <summary>deploy/docker-compose.blue-green.yml and scripts/switch-color.sh.</summary>
public sealed class BlueGreenTests : IDisposable
{
    private static readonly Compose Main = new("deploy/docker-compose.yml");
    private static readonly Compose Color = new("deploy/docker-compose.blue-green.yml");

    private readonly string _work = Directory.CreateTempSubdirectory("plosolver-bluegreen.").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_color_is_a_project_of_its_own_on_the_main_network()
    {
        Assert.StartsWith("plosolver-${DEPLOY_COLOR:?", Color.Root.Text("name"), StringComparison.Ordinal);
        Assert.Equal("true", Color.Root.Text("networks.plosolver.external"));
        Assert.Equal("plosolver", Color.Root.Text("networks.plosolver.name"));
        Assert.Equal(["backend", "frontend", "migrate"], Color.Services.Keys().Order());
        Assert.Equal("service_completed_successfully", Color.Service("backend").Text("depends_on.migrate.condition"));
        // The edge and the data stay in the main project, which can run without the app.
        Assert.Contains("db", Main.StartedBy("traefik", "db"));
        Assert.DoesNotContain("backend", Main.StartedBy("traefik", "db"));
    }

    [Theory]
    [InlineData("backend")]
    [InlineData("frontend")]
    [InlineData("migrate")]
    public void Each_color_runs_its_services_as_the_main_stack_does(string service)
    {
        foreach (var key in new[] { "user", "read_only", "command", "restart", "stop_grace_period" })
        {
            Assert.Equal(Main.Service(service).Has(key), Color.Service(service).Has(key));
            if (Main.Service(service).Has(key))
            {
                Assert.Equal(Main.Service(service).At(key).ToString(), Color.Service(service).At(key).ToString());
            }
        }
        foreach (var key in new[] { "tmpfs", "secrets", "healthcheck.test" })
        {
            Assert.Equal(Main.Service(service).Has(key), Color.Service(service).Has(key));
            if (Main.Service(service).Has(key))
            {
                Assert.Equal(Main.Service(service).Strings(key), Color.Service(service).Strings(key));
            }
        }
        Assert.Equal(Main.Environment(service).Keys.Order(), Color.Environment(service).Keys.Order());
        Assert.Equal(Main.Labels(service).Select(l => l.Replace("${DEPLOY_COLOR:-blue}", "${DEPLOY_COLOR}", StringComparison.Ordinal)), Color.Labels(service));
        Assert.False(Color.Service(service).Has("ports"));
        Assert.False(Color.Service(service).Has("container_name"));
    }

    [Fact]
    public void Switching_rewrites_the_live_services_and_traefik_can_read_them()
    {
        File.Copy(Repo.PathOf("deploy/traefik/dynamic/live.yml"), Path.Combine(_work, "live.yml"));
        var docker = FakeDocker(healthyContainer: "c0ffee");

        var result = Shell.Script("scripts/switch-color.sh", ["green"], new Dictionary<string, string?> { ["TRAEFIK_DYNAMIC_DIR"] = _work, ["DOCKER"] = docker });
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("switch-color.sh: live color is green (was blue)", result.Stdout.Trim());

        var live = LoadLive();
        Assert.Equal("backend-green@docker", Assert.Single(((YamlSequenceNode)live.At("http.services.backend-live.weighted.services")).Children).Text("name"));
        Assert.Equal("frontend-green@docker", Assert.Single(((YamlSequenceNode)live.At("http.services.frontend-live.weighted.services")).Children).Text("name"));
        // Only the live file is left: no temporary file for Traefik to pick up.
        Assert.Equal(["live.yml"], Directory.GetFiles(_work).Select(Path.GetFileName));
        Assert.Contains("label=traefik.http.services.backend-green.loadbalancer.server.port", File.ReadAllText(Path.Combine(_work, "docker", "docker.log")), StringComparison.Ordinal);

        var back = Shell.Script("scripts/switch-color.sh", ["blue"], new Dictionary<string, string?> { ["TRAEFIK_DYNAMIC_DIR"] = _work, ["DOCKER"] = docker });
        Assert.Equal("switch-color.sh: live color is blue (was green)", back.Stdout.Trim());
        // What the script writes for blue is exactly the file in the repository.
        Assert.Equal(Repo.Read("deploy/traefik/dynamic/live.yml"), File.ReadAllText(Path.Combine(_work, "live.yml")));
    }

    [Fact]
    public void A_color_without_a_healthy_backend_is_not_switched_to()
    {
        File.Copy(Repo.PathOf("deploy/traefik/dynamic/live.yml"), Path.Combine(_work, "live.yml"));
        var result = Shell.Script("scripts/switch-color.sh", ["green"], new Dictionary<string, string?> { ["TRAEFIK_DYNAMIC_DIR"] = _work, ["DOCKER"] = FakeDocker(healthyContainer: "") });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no healthy backend-green container", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Repo.Read("deploy/traefik/dynamic/live.yml"), File.ReadAllText(Path.Combine(_work, "live.yml")));
    }

    [Theory]
    [InlineData()]
    [InlineData("purple")]
    [InlineData("blue", "green")]
    public void Anything_but_one_color_is_refused(params string[] arguments)
    {
        var result = Shell.Script("scripts/switch-color.sh", arguments, new Dictionary<string, string?> { ["TRAEFIK_DYNAMIC_DIR"] = _work });
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("switch-color.sh: ", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private YamlMappingNode LoadLive()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(_work, "live.yml")));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A stand-in for `docker ps` that logs its arguments and lists the given container as healthy.</summary>
    private string FakeDocker(string healthyContainer)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_work, "docker")).FullName;
        var path = Path.Combine(directory, "docker");
        File.WriteAllText(path, $"""
            #!/usr/bin/env bash
            echo "$*" >> "{directory}/docker.log"
            [ -n "{healthyContainer}" ] && echo "{healthyContainer}"
            exit 0
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
