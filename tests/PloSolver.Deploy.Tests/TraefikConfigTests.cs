using PloSolver.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace PloSolver.Deploy.Tests;

/// <summary>deploy/traefik: static configuration and the dynamic files (routers, middlewares, live color).</summary>
public sealed class TraefikConfigTests
{
    private static readonly YamlMappingNode Static = Yaml.Load("deploy/traefik/traefik.yml");
    private static readonly YamlMappingNode Routing = Yaml.Load("deploy/traefik/dynamic/routing.yml");
    private static readonly YamlMappingNode Live = Yaml.Load("deploy/traefik/dynamic/live.yml");

    private static YamlMappingNode Routers => Routing.Map("http.routers");

    [Fact]
    public void Plain_http_redirects_to_https_and_certificates_come_from_lets_encrypt()
    {
        Assert.Equal(":80", Static.Text("entryPoints.web.address"));
        Assert.Equal(":443", Static.Text("entryPoints.websecure.address"));
        Assert.Equal("websecure", Static.Text("entryPoints.web.http.redirections.entryPoint.to"));
        Assert.Equal("https", Static.Text("entryPoints.web.http.redirections.entryPoint.scheme"));
        Assert.Equal("letsencrypt", Static.Text("entryPoints.websecure.http.tls.certResolver"));
        Assert.Equal("web", Static.Text("certificatesResolvers.letsencrypt.acme.httpChallenge.entryPoint"));
        Assert.StartsWith("/letsencrypt/", Static.Text("certificatesResolvers.letsencrypt.acme.storage"), StringComparison.Ordinal);
        // docker-compose.yml writes ACME_EMAIL over this marker.
        Assert.Equal("__ACME_EMAIL__", Static.Text("certificatesResolvers.letsencrypt.acme.email"));
        Assert.Contains("__ACME_EMAIL__", string.Join(' ', new Compose("deploy/docker-compose.yml").Service("traefik").Strings("entrypoint")), StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_are_opt_in_and_their_default_routers_never_match()
    {
        Assert.Equal("false", Static.Text("providers.docker.exposedByDefault"));
        Assert.Equal("PathPrefix(`/`) && !PathPrefix(`/`)", Static.Text("providers.docker.defaultRule"));
        Assert.Equal("/etc/traefik/dynamic", Static.Text("providers.file.directory"));
        Assert.Equal("true", Static.Text("providers.file.watch"));
    }

    [Fact]
    public void The_app_host_sends_the_api_and_health_to_the_backend_and_the_rest_to_the_frontend()
    {
        var backend = Routers.Text("backend.rule");
        Assert.Contains("{{ env \"APP_HOST\" }}", backend, StringComparison.Ordinal);
        Assert.Contains("PathPrefix(`/api`)", backend, StringComparison.Ordinal);
        Assert.Contains("Path(`/health`)", backend, StringComparison.Ordinal);
        Assert.Equal("backend-live@file", Routers.Text("backend.service"));
        Assert.Equal("Host(`{{ env \"APP_HOST\" }}`)", Routers.Text("frontend.rule"));
        Assert.Equal("frontend-live@file", Routers.Text("frontend.service"));
        Assert.True(int.Parse(Routers.Text("backend.priority")) > int.Parse(Routers.Text("frontend.priority")));
        Assert.Equal("Host(`{{ env \"FORUM_HOST\" }}`)", Routers.Text("forum.rule"));
        Assert.Equal("discourse@docker", Routers.Text("forum.service"));
    }

    [Fact]
    public void Public_routers_use_tls_and_are_rate_limited()
    {
        foreach (var name in Routers.Keys().Where(r => Routers.Strings(r + ".entryPoints").Contains("websecure")))
        {
            Assert.Equal("letsencrypt", Routers.Text(name + ".tls.certResolver"));
            Assert.Equal(["websecure"], Routers.Strings(name + ".entryPoints"));
            if (name != "metrics-blocked")
            {
                Assert.Contains(Routers.Strings(name + ".middlewares"), m => Routing.Has("http.middlewares." + m.Replace("@file", "", StringComparison.Ordinal) + ".rateLimit"));
            }
        }
        Assert.Contains("security-headers@file", Static.Strings("entryPoints.websecure.http.middlewares"));
        var headers = Routing.Map("http.middlewares.security-headers.headers");
        Assert.Equal("true", headers.Text("contentTypeNosniff"));
        Assert.Equal("true", headers.Text("frameDeny"));
        Assert.True(int.Parse(headers.Text("stsSeconds")) >= 31_536_000);
    }

    [Fact]
    public void Metrics_and_dashboard_are_not_public()
    {
        // On the public entrypoint /metrics is answered by a deny-all router that outranks every other.
        var blocked = Routers.Map("metrics-blocked");
        Assert.Contains("PathPrefix(`/metrics`)", blocked.Text("rule"), StringComparison.Ordinal);
        Assert.Equal(["deny-all@file"], blocked.Strings("middlewares"));
        Assert.True(Routers.Keys().All(r => r == "metrics-blocked" || !Routers.Has(r + ".priority") || int.Parse(Routers.Text(r + ".priority")) < int.Parse(blocked.Text("priority"))));
        Assert.Equal("internal", Assert.Single(Routers.Strings("backend-metrics.entryPoints")));

        Assert.Equal("false", Static.Text("api.insecure"));
        Assert.Equal("api@internal", Routers.Text("dashboard.service"));
        Assert.Equal(["internal"], Routers.Strings("dashboard.entryPoints"));
        Assert.Contains("dashboard-auth@file", Routers.Strings("dashboard.middlewares"));
        Assert.Equal("/run/secrets/traefik_dashboard_users", Routing.Text("http.middlewares.dashboard-auth.basicAuth.usersFile"));
        Assert.Equal("internal", Static.Text("ping.entryPoint"));
        Assert.Equal("metrics", Static.Text("metrics.prometheus.entryPoint"));
        // The internal and metrics entrypoints are not published beyond the host's loopback.
        Assert.DoesNotContain(new Compose("deploy/docker-compose.yml").Service("traefik").Strings("ports"), p => p.EndsWith(":8082", StringComparison.Ordinal) || p == "8081:8081");
    }

    [Fact]
    public void Every_middleware_and_service_a_router_names_exists()
    {
        var middlewares = Routing.Map("http.middlewares").Keys().Select(m => m + "@file").ToHashSet();
        var services = Live.Map("http.services").Keys().Select(s => s + "@file").Concat(DockerServices()).Append("api@internal").Append("noop@internal").ToHashSet();
        foreach (var router in Routers.Keys())
        {
            Assert.Contains(Routers.Text(router + ".service"), services);
            if (Routers.Has(router + ".middlewares"))
            {
                Assert.All(Routers.Strings(router + ".middlewares"), m => Assert.Contains(m, middlewares));
            }
        }
        Assert.All(Static.Strings("entryPoints.websecure.http.middlewares"), m => Assert.Contains(m, middlewares));
    }

    [Fact]
    public void The_live_color_names_services_the_containers_define()
    {
        var docker = DockerServices();
        foreach (var service in new[] { "backend-live", "frontend-live" })
        {
            var target = Live.At($"http.services.{service}.weighted.services") as YamlSequenceNode;
            var only = Assert.Single(Assert.IsType<YamlSequenceNode>(target).Children);
            Assert.Contains(only.Text("name"), docker);
        }
    }

    /// <summary>Services the Docker provider makes from the labels, with DEPLOY_COLOR at its default.</summary>
    private static HashSet<string> DockerServices()
    {
        var compose = new Compose("deploy/docker-compose.yml");
        return compose.Services.Keys()
            .SelectMany(compose.Labels)
            .Where(l => l.StartsWith("traefik.http.services.", StringComparison.Ordinal))
            .Select(l => l.Split('.')[3].Replace("${DEPLOY_COLOR:-blue}", "blue", StringComparison.Ordinal) + "@docker")
            .ToHashSet();
    }
}
