using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Auth;

public sealed class AuthServer : PostgresServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["LOCKOUT_MAX_FAILURES"] = "3";
        settings["LOCKOUT_SECONDS"] = "60";
    }
}

public sealed class AuthTests(AuthServer server) : IClassFixture<AuthServer>
{
    private readonly ServerFactory _factory = server.Factory;

    private static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Register_returns_tokens_user_and_a_secure_http_only_refresh_cookie()
    {
        var client = _factory.Client();
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = "  Alice@Example.TEST ", password = "password-one", displayName = "Alice" });
        var body = (await response.JsonAsync(HttpStatusCode.Created)).AsObject();
        Assert.False(string.IsNullOrEmpty((string?)body["accessToken"]));
        Assert.Equal(900, (int)body["expiresIn"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["refreshToken"]));
        Assert.Equal("alice@example.test", (string?)body["user"]!["email"]);
        Assert.Equal("Alice", (string?)body["user"]!["displayName"]);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("plosolver_refresh=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var me = await WithToken(_factory.Client(), (string)body["accessToken"]!).GetAsync("/api/me");
        Assert.Equal("alice@example.test", (string?)(await me.JsonAsync(HttpStatusCode.OK))["email"]);
    }

    [Fact]
    public async Task Register_names_each_bad_field_and_refuses_a_taken_email()
    {
        var client = _factory.Client();
        var bad = await client.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = "short" });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is not an email address", problem.Errors("email"));
        Assert.Contains("8 to 128", problem.Errors("password")[0], StringComparison.Ordinal);

        var missing = await client.PostRawAsync("/api/auth/register", "{}");
        problem = await missing.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["is required"], problem.Errors("email"));
        Assert.Equal(["is required"], problem.Errors("password"));

        var wrongType = await client.PostRawAsync("/api/auth/register", """{"email": 42, "password": "password-one"}""");
        Assert.Contains("wrong type", (await wrongType.ProblemAsync(HttpStatusCode.BadRequest)).Errors("email")[0], StringComparison.Ordinal);

        var malformed = await client.PostRawAsync("/api/auth/register", """{"email": "a@b.test", "password": """);
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);

        await _factory.SignUpAsync("taken@example.test");
        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = "TAKEN@example.test", password = "password-two" });
        Assert.Equal(["is already registered"], (await again.ProblemAsync(HttpStatusCode.Conflict)).Errors("email"));
    }

    [Fact]
    public async Task Login_succeeds_with_the_password_and_fails_with_401_otherwise()
    {
        await _factory.SignUpAsync("login@example.test", "the right password");
        var client = _factory.Client();
        var ok = await client.PostAsJsonAsync("/api/auth/login", new { email = "Login@Example.test", password = "the right password" });
        Assert.False(string.IsNullOrEmpty((string?)(await ok.JsonAsync(HttpStatusCode.OK))["accessToken"]));

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "login@example.test", password = "the wrong password" });
        await wrong.ProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "the right password" });
        await unknown.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await _factory.SignUpAsync("locked@example.test", "the right password");
        var client = _factory.Client();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "locked@example.test", password = "guess " + i });
            await wrong.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = "locked@example.test", password = "the right password" });
        await locked.ProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reuse_of_a_rotated_token_revokes_the_session()
    {
        var (client, auth) = await _factory.SignUpAsync();
        var first = (string)auth["refreshToken"]!;
        var anon = _factory.Client();

        var rotated = (await (await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first })).JsonAsync(HttpStatusCode.OK)).AsObject();
        var second = (string)rotated["refreshToken"]!;
        Assert.NotEqual(first, second);
        var newAccess = (string)rotated["accessToken"]!;
        Assert.Equal(HttpStatusCode.OK, (await WithToken(_factory.Client(), newAccess).GetAsync("/api/me")).StatusCode);

        // The first token was rotated: presenting it again means it leaked. The whole session ends.
        var reuse = await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });
        Assert.Contains("already used", (string?)(await reuse.ProblemAsync(HttpStatusCode.Unauthorized))["title"], StringComparison.Ordinal);
        var afterReuse = await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second });
        await afterReuse.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(_factory.Client(), newAccess).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_works_from_the_cookie_alone_and_garbage_tokens_are_401()
    {
        var client = _factory.Client(); // keeps the cookie from registration
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email = $"cookie-{Guid.NewGuid():N}@example.test", password = "password-one" });
        await register.JsonAsync(HttpStatusCode.Created);
        var refreshed = await client.PostAsync("/api/auth/refresh", null);
        Assert.False(string.IsNullOrEmpty((string?)(await refreshed.JsonAsync(HttpStatusCode.OK))["accessToken"]));

        var anon = _factory.Client();
        await (await anon.PostAsync("/api/auth/refresh", null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "nonsense" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anon.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = Guid.NewGuid().ToString("N") + "." + new string('x', 43) }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anon.PostRawAsync("/api/auth/refresh", """{"refreshToken": 5}""")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anon.PostRawAsync("/api/auth/refresh", """{"refreshToken": "x"}""", "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await anon.PostRawAsync("/api/auth/refresh", """{"refreshToken": """)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Logout_ends_the_session_at_once_and_its_refresh_token_with_it()
    {
        var (client, auth) = await _factory.SignUpAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var refresh = await _factory.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = (string)auth["refreshToken"]! });
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_all_ends_every_session_of_the_user_only()
    {
        var email = $"multi-{Guid.NewGuid():N}@example.test";
        var (first, _) = await _factory.SignUpAsync(email, "password-one");
        var login = await _factory.Client().PostAsJsonAsync("/api/auth/login", new { email, password = "password-one" });
        var second = WithToken(_factory.Client(), (string)(await login.JsonAsync(HttpStatusCode.OK))["accessToken"]!);
        var (other, _) = await _factory.SignUpAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync("/api/auth/logout-all", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Sessions_are_listed_and_one_can_be_revoked_but_not_another_users()
    {
        var email = $"sessions-{Guid.NewGuid():N}@example.test";
        var (first, _) = await _factory.SignUpAsync(email, "password-one");
        var login = await _factory.Client().PostAsJsonAsync("/api/auth/login", new { email, password = "password-one" });
        var second = WithToken(_factory.Client(), (string)(await login.JsonAsync(HttpStatusCode.OK))["accessToken"]!);

        var list = (await (await first.GetAsync("/api/auth/sessions")).JsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, list.Count);
        Assert.Single(list, s => (bool)s!["current"]!);
        var otherSession = (string)list.Single(s => !(bool)s!["current"]!)!["id"]!;

        var (stranger, _) = await _factory.SignUpAsync();
        await (await stranger.DeleteAsync($"/api/auth/sessions/{otherSession}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/api/auth/sessions/{otherSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        Assert.Single((await (await first.GetAsync("/api/auth/sessions")).JsonAsync(HttpStatusCode.OK)).AsArray());
        await (await first.DeleteAsync($"/api/auth/sessions/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Profile_can_be_read_and_changed()
    {
        var (client, _) = await _factory.SignUpAsync();
        var patched = await client.PatchAsJsonAsync("/api/me", new { displayName = "  New Name " });
        Assert.Equal("New Name", (string?)(await patched.JsonAsync(HttpStatusCode.OK))["displayName"]);
        var email = $"renamed-{Guid.NewGuid():N}@example.test";
        var renamed = await client.PatchAsJsonAsync("/api/me", new { email });
        Assert.Equal(email, (string?)(await renamed.JsonAsync(HttpStatusCode.OK))["email"]);
        var bad = await client.PatchAsJsonAsync("/api/me", new { email = "nope", displayName = new string('x', 101) });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors("email");
        problem.Errors("displayName");
        Assert.Equal("New Name", (string?)(await (await client.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK))["displayName"]);
    }

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var email = $"password-{Guid.NewGuid():N}@example.test";
        var (first, _) = await _factory.SignUpAsync(email, "old password 1");
        var login = await _factory.Client().PostAsJsonAsync("/api/auth/login", new { email, password = "old password 1" });
        var second = WithToken(_factory.Client(), (string)(await login.JsonAsync(HttpStatusCode.OK))["accessToken"]!);

        var wrong = await first.PostAsJsonAsync("/api/me/password", new { currentPassword = "not it at all", newPassword = "new password 2" });
        Assert.Equal(["is wrong"], (await wrong.ProblemAsync(HttpStatusCode.BadRequest)).Errors("currentPassword"));

        var changed = await first.PostAsJsonAsync("/api/me/password", new { currentPassword = "old password 1", newPassword = "new password 2" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);

        var anon = _factory.Client();
        await (await anon.PostAsJsonAsync("/api/auth/login", new { email, password = "old password 1" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anon.PostAsJsonAsync("/api/auth/login", new { email, password = "new password 2" })).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bearer_endpoints_refuse_missing_forged_and_expired_tokens()
    {
        var anon = _factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/me")).StatusCode);
        var (_, auth) = await _factory.SignUpAsync();
        var token = (string)auth["accessToken"]!;
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(_factory.Client(), forged).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Google_sign_in_says_it_is_not_configured()
    {
        var response = await _factory.Client().PostAsJsonAsync("/api/auth/google", new { idToken = "anything" });
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Google sign-in is not configured", (string?)problem["title"]);
    }
}

public sealed class GoogleServer : PostgresServer
{
    protected override void Configure(Dictionary<string, string> settings) => settings["GOOGLE_CLIENT_ID"] = "1234-test.apps.googleusercontent.com";
}

public sealed class GoogleSignInTests(GoogleServer server) : IClassFixture<GoogleServer>
{
    [Fact]
    public async Task A_token_that_is_not_a_Google_ID_token_is_refused()
    {
        var client = server.Factory.Client();
        await (await client.PostAsJsonAsync("/api/auth/google", new { idToken = "not.a.jwt" })).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["is required"], (await (await client.PostAsJsonAsync("/api/auth/google", new { })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("idToken"));
    }
}
