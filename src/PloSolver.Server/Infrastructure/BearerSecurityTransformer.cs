using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PloSolver.Server.Infrastructure;

/// <summary>Declares the bearer scheme in the OpenAPI document so the reference UI can send an access token.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "PLOSolver API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from POST /api/auth/login, /register or /refresh.",
        };
        return Task.CompletedTask;
    }
}
