using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Auth;
using PloSolver.Server.Data;

namespace PloSolver.Server.Spots;

internal sealed record SpotRequest(string? Name, string[]? Tags, JsonElement? Data);

internal sealed record SpotPage(IReadOnlyList<SpotDto> Items, int Total, int Page, int PageSize);

internal sealed record ShareResponse(string Slug, string Url);

/// <summary>Saved spots, owner only (another user's spot is a 404, never a 403: ids are not confirmed), and
/// read-only public links.</summary>
internal static class SpotsApi
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapSpots(this IEndpointRouteBuilder app)
    {
        var spots = app.MapGroup("/api/spots").WithTags("Spots").RequireAuthorization();
        spots.MapGet("", List);
        spots.MapPost("", Create);
        spots.MapGet("/{id:guid}", Get);
        spots.MapPut("/{id:guid}", Update);
        spots.MapDelete("/{id:guid}", Delete);
        spots.MapPost("/{id:guid}/share", Share);
        spots.MapDelete("/{id:guid}/share", Unshare);
        app.MapGet("/api/shared/{slug}", GetShared).WithTags("Spots");
        return app;
    }

    private static async Task<Results<Ok<SpotPage>, ValidationProblem>> List(HttpContext http, AppDbContext db, string? q, string? tag, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["must be 1 or more"];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be from 1 to {MaxPageSize}"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = CurrentUser.Id(http.User);
        var query = db.Spots.AsNoTracking().Where(s => s.UserId == userId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(s => s.Name.ToLower().Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var marker = "|" + tag.Trim().ToLowerInvariant() + "|";
            query = query.Where(s => s.Tags.Contains(marker));
        }
        var size = pageSize ?? 20;
        var number = page ?? 1;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SpotPage([.. items.Select(s => s.AsDto())], total, number, size));
    }

    private static async Task<Results<Created<SpotDto>, ValidationProblem>> Create(SpotRequest request, HttpContext http, AppDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (Validate(request, out var tags) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var spot = new Spot
        {
            Id = Guid.CreateVersion7(),
            UserId = CurrentUser.Id(http.User),
            Name = request.Name!.Trim(),
            Tags = Spot.JoinTags(tags),
            Data = request.Data!.Value.GetRawText(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Spots.Add(spot);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/spots/{spot.Id}", spot.AsDto());
    }

    private static async Task<Results<Ok<SpotDto>, ProblemHttpResult>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var spot = await db.Spots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        return spot is null ? AuthApi.NotFound("spot", id) : TypedResults.Ok(spot.AsDto());
    }

    private static async Task<Results<Ok<SpotDto>, ValidationProblem, ProblemHttpResult>> Update(Guid id, SpotRequest request, HttpContext http,
        AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Validate(request, out var tags) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = CurrentUser.Id(http.User);
        var spot = await db.Spots.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        if (spot is null)
        {
            return AuthApi.NotFound("spot", id);
        }
        spot.Name = request.Name!.Trim();
        spot.Tags = Spot.JoinTags(tags);
        spot.Data = request.Data!.Value.GetRawText();
        spot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(spot.AsDto());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var deleted = await db.Spots.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? AuthApi.NotFound("spot", id) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ShareResponse>, ProblemHttpResult>> Share(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var spot = await db.Spots.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        if (spot is null)
        {
            return AuthApi.NotFound("spot", id);
        }
        if (spot.ShareSlug is null)
        {
            // 128 random bits: unguessable, and a collision is not a practical concern (the unique index would
            // refuse one anyway).
            spot.ShareSlug = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new ShareResponse(spot.ShareSlug, $"/api/shared/{spot.ShareSlug}"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unshare(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var changed = await db.Spots.Where(s => s.Id == id && s.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ShareSlug, (string?)null), cancellationToken);
        return changed == 0 ? AuthApi.NotFound("spot", id) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SharedSpotDto>, ProblemHttpResult>> GetShared(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var spot = slug.Length is > 0 and <= 32
            ? await db.Spots.AsNoTracking().FirstOrDefaultAsync(s => s.ShareSlug == slug, cancellationToken)
            : null;
        if (spot is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such shared spot");
        }
        var dto = spot.AsDto();
        return TypedResults.Ok(new SharedSpotDto(dto.Name, dto.Tags, dto.Data, dto.UpdatedAt));
    }

    private static Dictionary<string, string[]>? Validate(SpotRequest request, out string[] tags)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["is required"];
        }
        else if (name.Length > Spot.MaxNameLength)
        {
            errors["name"] = [$"must be at most {Spot.MaxNameLength} characters"];
        }
        tags = (request.Tags ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? "").Distinct().ToArray();
        if (tags.Length > Spot.MaxTags)
        {
            errors["tags"] = [$"at most {Spot.MaxTags} tags"];
        }
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i].Length is 0 or > Spot.MaxTagLength || !tags[i].All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '+'))
            {
                errors[$"tags[{i}]"] = [$"a tag is 1 to {Spot.MaxTagLength} letters, digits, '-', '_', '.' or '+'"];
            }
        }
        if (request.Data is not { ValueKind: JsonValueKind.Object })
        {
            errors["data"] = [request.Data is null ? "is required" : "must be a JSON object"];
        }
        return errors.Count > 0 ? errors : null;
    }
}
