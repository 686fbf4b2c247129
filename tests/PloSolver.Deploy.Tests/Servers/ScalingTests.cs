using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PloSolver.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PloSolver.Deploy.Tests.Servers;

/// <summary>
/// Three real server processes on one PostgreSQL database behind a real nginx (round-robin, retrying idempotent
/// requests on the next instance): users sign in, several clients compute equity in a loop and a batch of jobs
/// runs while one instance is killed. Nothing is lost beyond the killed instance's in-flight requests, every job
/// finishes exactly once, and a session issued by one instance is honoured by the others.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScalingTests(PostgresCluster postgres, ITestOutputHelper output) : IDisposable
{
    private const int Instances = 3;
    private const int EquityClients = 4;
    private const int JobCount = 12;
    private const string Password = "scaling-test-password-1";

    /// <summary>Exact on the flop (990 runouts): milliseconds of work, so the loop makes many calls.</summary>
    private static readonly object EquityRequest = new { players = new[] { new { hand = "AsKsQhJh" }, new { hand = "2c3d4h5s" } }, boards = new[] { "Qs7h2d" } };

    private readonly string _work = Directory.CreateTempSubdirectory("plosolver-scaling.").FullName;
    private readonly List<ServerProcess> _servers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private NginxProxy? _proxy;

    /// <summary>One request of the load: when it started and ended (test clock), and how it went.</summary>
    private sealed record Call(string Client, bool Idempotent, TimeSpan Started, TimeSpan Ended, bool Ok, string Outcome, string? Upstream);

    private sealed record Job(Guid Id, string Status, int Attempts, string FinishedBy, bool HasResult, bool HasError);

    [Fact]
    public async Task Three_instances_behind_nginx_lose_nothing_but_the_killed_ones_in_flight_requests()
    {
        try
        {
            await Run();
        }
        catch
        {
            foreach (var server in _servers)
            {
                output.WriteLine($"---- {server.Name} (pid {server.ProcessId}, port {server.Port}), last lines:\n{server.Tail(15)}");
            }
            output.WriteLine($"---- nginx error log:\n{_proxy?.ErrorLog}");
            throw;
        }
    }

    private async Task Run()
    {
        // ---- One database, migrated once, and three instances on it sharing their secrets.
        var database = postgres.CreateDatabase();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DATABASE_URL"] = database,
            ["JWT_SECRET_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["SECRET_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["JOB_WORKERS"] = "2",
            // A dead instance's job is claimed again 3 s after its last heartbeat.
            ["JOB_LEASE_SECONDS"] = "3",
            ["JOB_HEARTBEAT_MS"] = "500",
            ["JOB_POLL_MS"] = "200",
            // Every request comes from nginx on 127.0.0.1: the per-IP limits would throttle the test, not a client.
            ["RATE_LIMIT_AUTH_PER_MINUTE"] = "100000",
            ["RATE_LIMIT_COMPUTE_PER_MINUTE"] = "1000000",
        };
        var migrateDirectory = Directory.CreateDirectory(Path.Combine(_work, "migrate")).FullName;
        using (var migrate = ServerProcess.Start("migrate", 0, ServerBuild.Dll, ["migrate"], migrateDirectory, settings))
        {
            var exit = await migrate.WaitForExitAsync(TimeSpan.FromSeconds(90));
            Assert.True(exit == 0, $"migrate exited with {exit}:\n{migrate.Output}");
        }
        Log($"migrations applied once (`PloSolver.Server.dll migrate`) to {database[(database.LastIndexOf('/') + 1)..]}");

        for (var i = 0; i < Instances; i++)
        {
            var directory = Directory.CreateDirectory(Path.Combine(_work, $"instance-{i}")).FullName;
            _servers.Add(ServerProcess.Start($"instance-{i}", Network.FreePort(), ServerBuild.Dll, [], directory, settings));
        }
        await Task.WhenAll(_servers.Select(s => s.WaitHealthyAsync(TimeSpan.FromSeconds(120))));
        Log($"{Instances} instances healthy: " + string.Join(", ", _servers.Select(s => $"{s.Name} pid {s.ProcessId} port {s.Port}")));

        _proxy = new NginxProxy(_servers.Select(s => s.Port));
        await _proxy.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        Log($"nginx round-robin on 127.0.0.1:{_proxy.Port}");

        // ---- Users, registered and signed in through the proxy (so on whichever instance nginx picks).
        // The equity clients use the token registration hands out; the other two sign in again with their password.
        var sessionUser = await SignIn("session@scaling.test", login: true);
        var jobsUser = await SignIn("jobs@scaling.test", login: true);
        var equityUsers = await Task.WhenAll(Enumerable.Range(0, EquityClients).Select(i => SignIn($"client{i}@scaling.test", login: false)));

        // ---- A session issued by one instance is valid on every instance.
        var seen = new Dictionary<string, int>();
        using var session = Client(sessionUser.Token);
        for (var attempt = 0; attempt < 30 && seen.Count < Instances; attempt++)
        {
            using var me = await session.GetAsync(new Uri("/api/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("session@scaling.test", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
            var upstream = Upstream(me) ?? "(none)";
            seen[upstream] = seen.GetValueOrDefault(upstream) + 1;
        }
        Assert.Equal(_servers.Select(s => $"127.0.0.1:{s.Port}").Order(), seen.Keys.Order());
        Log($"a session issued by {sessionUser.IssuedBy} was accepted by all {Instances} instances: "
            + string.Join(", ", seen.Select(p => $"{p.Key} ×{p.Value}")));

        // ---- A batch of jobs, each 3 s of Monte Carlo on every core.
        using var jobs = Client(jobsUser.Token);
        var jobIds = (await Task.WhenAll(Enumerable.Range(1, JobCount).Select(async seed =>
        {
            var input = new { players = new[] { new { hand = "AsKsQhJh" }, new { hand = "2c3d4h5s" } }, mode = "montecarlo", timeLimitMs = 3000, seed };
            using var submitted = await jobs.PostAsJsonAsync(new Uri("/api/jobs", UriKind.Relative), new { type = "equity", input });
            Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, $"job {seed}: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
            return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }))).ToList();
        Log($"submitted {JobCount} equity jobs");

        // ---- The load: equity clients (POST, not retried by nginx once sent) and a session client (GET, retried).
        var calls = new ConcurrentQueue<Call>();
        using var stop = new CancellationTokenSource();
        var loadStarted = _clock.Elapsed;
        var load = Enumerable.Range(0, EquityClients)
            .Select(i => Loop($"equity-{i}", false, equityUsers[i].Token, () => Post("/api/equity", EquityRequest), IsEquityResult, calls, stop.Token))
            .Append(Loop("session", true, sessionUser.Token, () => new HttpRequestMessage(HttpMethod.Get, "/api/me"), IsSessionUser, calls, stop.Token))
            .ToList();

        // ---- Kill an instance while it serves the load and runs a job it claimed less than a second ago.
        const string FreshClaim = "SELECT split_part(worker_id, ':', 2) FROM jobs WHERE status = 'running' "
            + "AND started_at > now() - interval '1 second' ORDER BY started_at DESC LIMIT 1";
        var waited = Stopwatch.StartNew();
        ServerProcess? victim = null;
        while (victim is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "no instance claimed a job within 30 s");
            await Task.Delay(100);
            var pid = PostgresCluster.Sql(database, FreshClaim);
            victim = _clock.Elapsed - loadStarted < TimeSpan.FromSeconds(0.5) ? null
                : _servers.SingleOrDefault(s => s.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) == pid);
        }
        var killIssued = _clock.Elapsed;
        victim.Kill(entireProcessTree: false);
        var killDone = _clock.Elapsed;
        Log($"killed {victim.Name} (SIGKILL) between {killIssued.TotalSeconds:0.00} s and {killDone.TotalSeconds:0.00} s; {calls.Count} calls done by then");

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // ---- No lost requests beyond the killed instance's in-flight ones.
        var all = calls.ToList();
        var failed = all.Where(c => !c.Ok).ToList();
        var afterKill = all.Where(c => c.Started > killDone).ToList();
        Log($"load: {all.Count} calls ({all.Count(c => !c.Idempotent)} equity, {all.Count(c => c.Idempotent)} GET /api/me), "
            + $"{afterKill.Count} started after the kill, {failed.Count} failed"
            + string.Concat(failed.Select(f => $"\n  {f.Client}: {f.Outcome} via {f.Upstream ?? "-"} ({f.Started.TotalSeconds:0.000}–{f.Ended.TotalSeconds:0.000} s)")));
        var victimAddress = $"127.0.0.1:{victim.Port}";
        foreach (var failure in failed)
        {
            // In flight when the instance died: sent before the kill returned, answered after it was issued.
            Assert.True(failure.Started <= killDone && failure.Ended >= killIssued,
                $"{failure.Client}: {failure.Outcome} at {failure.Started.TotalSeconds:0.000}–{failure.Ended.TotalSeconds:0.000} s, outside the kill ({killIssued.TotalSeconds:0.000}–{killDone.TotalSeconds:0.000} s)");
            Assert.False(failure.Idempotent, $"{failure.Client}: a GET failed ({failure.Outcome}); nginx should have retried it on another instance");
            if (failure.Upstream is not null)
            {
                Assert.Contains(victimAddress, failure.Upstream, StringComparison.Ordinal);
            }
        }
        Assert.All(failed.GroupBy(f => f.Client), g => Assert.Single(g));
        Assert.True(failed.Count <= EquityClients, $"{failed.Count} failures, more than the {EquityClients} requests that can be in flight");
        // The load went on: every client was served after the kill, by the survivors.
        foreach (var client in all.Select(c => c.Client).Distinct())
        {
            Assert.Contains(afterKill, c => c.Client == client && c.Ok);
        }
        Assert.All(afterKill, c => Assert.NotEqual(victimAddress, c.Upstream?.Split(", ")[^1]));

        // ---- Every job finishes exactly once.
        var finished = Stopwatch.StartNew();
        while (PostgresCluster.Sql(database, "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')") != "0")
        {
            Assert.True(finished.Elapsed < TimeSpan.FromSeconds(90), "jobs still unfinished after 90 s: "
                + PostgresCluster.Sql(database, "SELECT string_agg(id || ' ' || status || ' ' || attempts, ', ') FROM jobs WHERE status IN ('queued', 'running')"));
            await Task.Delay(250);
        }
        var stored = PostgresCluster.Sql(database,
                "SELECT id, status, attempts, split_part(worker_id, ':', 2), result IS NOT NULL, error IS NOT NULL FROM jobs ORDER BY created_at")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('|'))
            .Select(f => new Job(Guid.Parse(f[0]), f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3], f[4] == "t", f[5] == "t"))
            .ToList();
        Assert.Equal(jobIds.Order(), stored.Select(j => j.Id).Order());
        Assert.All(stored, j => Assert.True(j is { Status: "succeeded", HasResult: true, HasError: false, Attempts: >= 1 }, j.ToString()));
        // The instances' own logs (logs/plosolver.log in each working directory) say who claimed and who finished what.
        var victimPid = victim.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = _servers.Select(s => LogEvents(Path.Combine(_work, s.Name, "logs")).ToList()).ToList();
        var victimEvents = events[_servers.IndexOf(victim)];
        var survivorEvents = events.Where(e => e != victimEvents).SelectMany(e => e).ToList();
        // Orphans: claimed by the killed instance and not finished by it. Each was claimed again and finished elsewhere.
        var orphans = victimEvents.Where(IsClaim).Select(e => e.JobId).Where(id => stored.Single(j => j.Id == id).FinishedBy != victimPid).ToHashSet();
        Assert.NotEmpty(orphans);
        foreach (var orphan in stored.Where(j => orphans.Contains(j.Id)))
        {
            Assert.True(orphan.Attempts >= 2, $"job {orphan.Id} ran on the killed instance but was not claimed again: {orphan}");
            Assert.Contains(survivorEvents, e => IsClaim(e) && e.JobId == orphan.Id);
        }
        foreach (var job in stored)
        {
            // Finished once: one "finished" line in all the logs; none when the killed instance stored the result and
            // died before logging it, and then no other instance ever claimed the job again.
            var finishLines = events.SelectMany(e => e).Count(e => IsFinish(e) && e.JobId == job.Id);
            var claimLines = events.SelectMany(e => e).Count(e => IsClaim(e) && e.JobId == job.Id);
            if (job.FinishedBy == victimPid)
            {
                Assert.True(finishLines <= 1 && job.Attempts == 1 && !survivorEvents.Any(e => e.JobId == job.Id),
                    $"job {job.Id}, finished by the killed instance, was run again: {job}, {finishLines} finish and {claimLines} claim lines");
            }
            else
            {
                Assert.True(finishLines == 1, $"job {job.Id} finished {finishLines} times in the logs: {job}");
            }
            // Every claim is counted in attempts (a claim the kill cut short of its log line is counted but not logged).
            Assert.InRange(claimLines, job.FinishedBy == victimPid ? 0 : 1, job.Attempts);
        }
        // And each result is what the API hands out, through the proxy.
        foreach (var id in jobIds)
        {
            var job = await jobs.GetFromJsonAsync<JsonElement>(new Uri($"/api/jobs/{id}", UriKind.Relative));
            Assert.Equal("succeeded", job.GetProperty("status").GetString());
            Assert.Equal(2, job.GetProperty("result").GetProperty("players").GetArrayLength());
        }
        Log($"jobs: {stored.Count} of {JobCount} succeeded, each finished once; {orphans.Count} orphaned by the kill were claimed again "
            + $"(attempts {string.Join(", ", stored.Where(j => orphans.Contains(j.Id)).Select(j => j.Attempts))}); "
            + $"finished by pids {string.Join(", ", stored.Select(j => j.FinishedBy).Distinct().Order())}");
        Log($"done in {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task Loop(string name, bool idempotent, string token, Func<HttpRequestMessage> request, Func<JsonElement, bool> check,
        ConcurrentQueue<Call> calls, CancellationToken stop)
    {
        using var http = Client(token);
        while (!stop.IsCancellationRequested)
        {
            var started = _clock.Elapsed;
            try
            {
                using var message = request();
                using var response = await http.SendAsync(message, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                // Only a 200 is parsed; nginx's 502 page is HTML, of which the status and the start are kept.
                var ok = response.StatusCode == HttpStatusCode.OK && check(JsonDocument.Parse(body).RootElement);
                calls.Enqueue(new Call(name, idempotent, started, _clock.Elapsed, ok, ok ? "200" : $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 120)].ReplaceLineEndings(" ")}", Upstream(response)));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                calls.Enqueue(new Call(name, idempotent, started, _clock.Elapsed, false, e.GetType().Name + ": " + e.Message, null));
            }
        }
    }

    private static bool IsFinish((string Template, Guid JobId) e) => e.Template == "Job {JobId} ({Type}) {Status}";

    private static bool IsClaim((string Template, Guid JobId) e) => e.Template.StartsWith("Job {JobId} ({Type}) claimed by", StringComparison.Ordinal);

    private static bool IsEquityResult(JsonElement body) => body.GetProperty("exact").GetBoolean() && body.GetProperty("players").GetArrayLength() == 2;

    private static bool IsSessionUser(JsonElement body) => body.GetProperty("email").GetString() == "session@scaling.test";

    private async Task<(string Token, string IssuedBy)> SignIn(string email, bool login)
    {
        using var anonymous = Client(null);
        using var registered = await anonymous.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative), new { email, password = Password });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"register {email}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        if (!login)
        {
            return ((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!, Upstream(registered) ?? "(unknown)");
        }
        using var signedIn = await anonymous.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password = Password });
        Assert.True(signedIn.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return (token, Upstream(signedIn) ?? "(unknown)");
    }

    private HttpClient Client(string? token)
    {
        var http = new HttpClient { BaseAddress = _proxy!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private static string? Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? string.Join(", ", values) : null;

    /// <summary>The job events of Serilog's compact JSON files in a directory (a line cut short by the kill is skipped).</summary>
    private static IEnumerable<(string Template, Guid JobId)> LogEvents(string directory)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }
        foreach (var file in Directory.GetFiles(directory, "*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                JsonElement entry;
                try
                {
                    entry = JsonDocument.Parse(line).RootElement;
                }
                catch (JsonException)
                {
                    continue;
                }
                if (entry.TryGetProperty("@mt", out var template) && entry.TryGetProperty("JobId", out var id) && Guid.TryParse(id.GetString(), out var jobId))
                {
                    yield return (template.GetString() ?? "", jobId);
                }
            }
        }
    }

    private void Log(string line) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.00} s] {line}");

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
        _proxy?.Dispose();
        ServerProcess.RemoveLogFileLocks(_work);
        Directory.Delete(_work, recursive: true);
    }
}
