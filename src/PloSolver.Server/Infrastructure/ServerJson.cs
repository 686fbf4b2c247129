using System.Text.Json;
using System.Text.Json.Serialization;
using PloSolver.Engine;

namespace PloSolver.Server.Infrastructure;

/// <summary>
/// Compile-time JSON metadata for the busiest endpoint's answer (<c>POST /api/equity</c>), consulted before the
/// reflection-based resolver: its writer goes straight to UTF-8 without per-property dispatch, a measurable share
/// of a request that computes for only tens of microseconds. Same options as the HTTP defaults. Requests stay with
/// the reflection resolver: generated readers set every init-only property, so a field left out would lose its
/// default (<c>game</c> would become null instead of plo4).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EquityResult))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
