using System.Text.Json;
using System.Text.Json.Serialization;
using PloSolver.Engine;

namespace PloSolver.Server.Infrastructure;

/// <summary>
/// Compile-time JSON for the busiest endpoint's answer (<c>POST /api/equity</c>), written with this context's own
/// type info (same settings as the HTTP defaults). With it, System.Text.Json writes the whole answer in one generated
/// method instead of a converter call per property, a measurable share of a request that computes for only tens
/// of microseconds. Requests stay with the reflection resolver: generated readers set every init-only property, so
/// a field left out would lose its default (<c>game</c> would become null instead of plo4).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EquityResult))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
