using System.Text.Json;
using System.Text.RegularExpressions;
using PloSolver.Deploy.Tests.Infrastructure;

namespace PloSolver.Deploy.Tests;

/// <summary>deploy/prometheus and deploy/grafana: what is scraped, and that the dashboard asks for real metrics.</summary>
public sealed partial class MonitoringTests
{
    /// <summary>
    /// Metrics the dashboard may use: the server's (src/PloSolver.Server/Infrastructure/AppMetrics.cs and
    /// prometheus-net's HTTP middleware, server branch) and Traefik's.
    /// </summary>
    private static readonly HashSet<string> KnownMetrics =
    [
        "http_requests_received_total", "http_request_duration_seconds_bucket",
        "plosolver_equity_requests_total", "plosolver_equity_seconds_bucket", "plosolver_equity_in_flight", "plosolver_equity_waiting",
        "plosolver_jobs_finished_total", "plosolver_jobs_submitted_total", "plosolver_jobs_reclaimed_total", "plosolver_jobs_running",
        "plosolver_job_seconds_bucket", "plosolver_db_command_seconds_bucket", "plosolver_db_command_errors_total", "plosolver_db_up",
        "traefik_service_requests_total", "traefik_router_requests_total",
    ];

    [Fact]
    public void Prometheus_scrapes_every_backend_replica_and_traefik()
    {
        var config = Yaml.Load("deploy/prometheus/prometheus.yml");
        var jobs = config.At("scrape_configs").AllNodes.OfType<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .Where(n => n.Has("job_name")).ToDictionary(n => n.Text("job_name"));

        var backend = jobs["backend"];
        Assert.Equal("/metrics", backend.Text("metrics_path"));
        var discovery = Assert.IsType<YamlDotNet.RepresentationModel.YamlMappingNode>(Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)backend.At("dns_sd_configs")).Children));
        Assert.Equal(["backend"], discovery.Strings("names"));
        Assert.Equal("A", discovery.Text("type"));
        Assert.Equal("5001", discovery.Text("port"));

        var traefik = Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)jobs["traefik"].At("static_configs")).Children);
        Assert.Equal(["traefik:8082"], traefik.Strings("targets"));
        Assert.Equal(":8082", Yaml.Load("deploy/traefik/traefik.yml").Text("entryPoints.metrics.address"));
    }

    [Fact]
    public void The_dashboard_is_provisioned_and_asks_only_for_metrics_that_exist()
    {
        using var dashboard = JsonDocument.Parse(Repo.Read("deploy/grafana/dashboards/plosolver.json"));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        var titles = panels.Select(p => p.GetProperty("title").GetString() ?? "").ToList();
        foreach (var topic in new[] { "Requests per second", "errors", "latency", "Equity", "Jobs" })
        {
            Assert.Contains(titles, t => t.Contains(topic, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var expression in panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString() ?? ""))
        {
            var metrics = MetricName().Matches(expression).Select(m => m.Value).Where(n => n.Contains('_', StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(metrics);
            Assert.All(metrics, m => Assert.Contains(m, KnownMetrics));
        }
        Assert.Equal("prometheus", Yaml.Load("deploy/grafana/provisioning/datasources/prometheus.yml").At("datasources").AllNodes
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>().First(n => n.Has("uid")).Text("uid"));
        var grafana = new Compose("deploy/docker-compose.yml").Service("grafana").Strings("volumes");
        Assert.Contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro", grafana);
        Assert.Equal("/var/lib/grafana/dashboards", Yaml.Load("deploy/grafana/provisioning/dashboards/plosolver.yml").At("providers").AllNodes
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>().First(n => n.Has("options")).Text("options.path"));
    }

    /// <summary>Identifiers that name metrics: followed by {, [ or ), never by ( (a function) or inside by (…).</summary>
    [GeneratedRegex(@"\b[a-z][a-z0-9_]*(?=\s*[\{\[\)])(?<!\bby \([a-z_, ]*)")]
    private static partial Regex MetricName();
}
