using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PloSolver.Server.Data;
using PloSolver.Server.Jobs;
using PloSolver.Server.Tests.Infrastructure;
using PloSolver.Server.Tests.Jobs;

namespace PloSolver.Server.Tests.Operations;

/// <summary>Two server instances on one PostgreSQL database, as two replicas behind a load balancer.</summary>
public class TwoInstances : IAsyncLifetime
{
    public ServerFactory A { get; private set; } = null!;

    public ServerFactory B { get; private set; } = null!;

    public PostgresDatabase Database { get; private set; } = null!;

    protected virtual int Workers => 2;

    protected virtual string RoleOfB => "all";

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync("plosolver_" + GetType().Name);
        Dictionary<string, string> Make()
        {
            var settings = ServerFactory.Defaults();
            settings["DATABASE_URL"] = Database.Url;
            settings["JOB_WORKERS"] = Workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["SESSION_CACHE_MS"] = "1000";
            return settings;
        }
        // Both start (and migrate) at the same time, as replicas do.
        A = new ServerFactory(Make());
        var b = Make();
        b["SERVER_ROLE"] = RoleOfB;
        if (RoleOfB == "worker")
        {
            b["JOB_WORKERS"] = "1";
        }
        B = new ServerFactory(b);
        await Task.WhenAll(Task.Run(() => A.Server), Task.Run(() => B.Server));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class TwoInstancesWithoutWorkers : TwoInstances
{
    protected override int Workers => 0;
}

/// <summary>An API-only instance without workers and a worker-only instance (SERVER_ROLE=worker).</summary>
public sealed class ApiAndWorker : TwoInstances
{
    protected override int Workers => 0; // A: no workers at all; B gets its own below

    protected override string RoleOfB => "worker";
}

public sealed class WorkerRoleTests(ApiAndWorker servers) : IClassFixture<ApiAndWorker>
{
    [Fact]
    public async Task A_worker_only_instance_serves_no_API_but_runs_the_jobs_queued_elsewhere()
    {
        Assert.Equal(HttpStatusCode.OK, (await servers.B.Client().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await servers.B.Client().PostAsJsonAsync("/api/equity", new { })).StatusCode);
        var (client, _) = await servers.A.SignUpAsync();
        var job = await JobsTests.SubmitAsync(client, new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h" } });
        var done = await JobsTests.WaitForAsync(client, (string)job["id"]!, s => s is "succeeded" or "failed");
        Assert.Equal("succeeded", (string?)done["status"]);
    }
}

public sealed class MultiInstanceTests(TwoInstances servers) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_session_issued_by_one_instance_is_honoured_and_revoked_by_the_other()
    {
        var (onA, auth) = await servers.A.SignUpAsync();
        var onB = servers.B.Client();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)auth["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/me")).StatusCode); // now cached on A

        // B rotates the refresh token A issued.
        var refreshed = await servers.B.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = (string)auth["refreshToken"]! });
        await refreshed.JsonAsync(HttpStatusCode.OK);

        // Logging out on B ends the session on A within seconds (A's cache lives 1 s here, 5 s by default).
        Assert.Equal(HttpStatusCode.NoContent, (await onB.PostAsync("/api/auth/logout", null)).StatusCode);
        await Http.EventuallyAsync(() => onA.GetAsync("/api/me"), r => r.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(3),
            "instance A to refuse the revoked session");
    }

    [Fact]
    public async Task Workers_of_two_instances_never_run_the_same_job()
    {
        var (client, _) = await servers.A.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var input = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, mode = "montecarlo", trials = 100_000, seed = i };
            ids.Add((string)(await JobsTests.SubmitAsync(client, input))["id"]!);
        }
        foreach (var id in ids)
        {
            var done = await JobsTests.WaitForAsync(client, id, s => s is "succeeded" or "failed");
            Assert.Equal("succeeded", (string?)done["status"]);
            Assert.Equal(1, (int)done["attempts"]!); // every claim counts an attempt: a second claim would show 2
        }
        var workers = Convert.ToInt64(await servers.Database.ScalarAsync("SELECT count(DISTINCT worker_id) FROM jobs"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(workers, 1, 4);
    }
}

public sealed class ClaimRaceTests(TwoInstancesWithoutWorkers servers) : IClassFixture<TwoInstancesWithoutWorkers>
{
    [Fact]
    public async Task Concurrent_claims_from_both_instances_take_each_job_exactly_once()
    {
        const int Jobs = 60;
        for (var user = 0; user < 3; user++)
        {
            var (client, _) = await (user == 1 ? servers.B : servers.A).SignUpAsync();
            for (var i = 0; i < Jobs / 3; i++) // 20: the most unfinished jobs one user may have
            {
                await JobsTests.SubmitAsync(client, new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } } });
            }
        }
        var claimed = new ConcurrentBag<Guid>();
        async Task Claimer(ServerFactory factory, string worker)
        {
            var queue = factory.Services.GetRequiredService<JobQueue>();
            while (true)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var job = await queue.ClaimAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), worker, CancellationToken.None);
                if (job is null)
                {
                    return;
                }
                claimed.Add(job.Id);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() => Claimer(n % 2 == 0 ? servers.A : servers.B, $"race-{n}"))));
        Assert.Equal(Jobs, claimed.Count);
        Assert.Equal(Jobs, claimed.Distinct().Count());
    }
}
