using System.Text.Json;
using System.Text.Json.Serialization;
using PloSolver.Engine;

namespace PloSolver.Cli;

/// <summary>The CLI's JSON: the HTTP contract's camelCase shapes, nulls left out, produced without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(EquityResult))]
[JsonSerializable(typeof(EvaluationOutput))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(RangeOutput))]
[JsonSerializable(typeof(SolveOutput))]
internal sealed partial class JsonOutput : JsonSerializerContext;

/// <summary><c>plosolver evaluate --json</c>: the shape of <c>POST /api/hands/evaluate</c>.</summary>
internal sealed record EvaluationOutput(int Rank, string Category, string Description, IReadOnlyList<string> BestFive, LowOutput? Low);

/// <summary>The low half of an evaluation.</summary>
internal sealed record LowOutput(int Rank, string Description, IReadOnlyList<string> BestFive);

/// <summary><c>plosolver range --json</c>: the shape of <c>POST /api/ranges/parse</c>.</summary>
/// <param name="Combos">Hands in the range (after board and dead cards).</param>
/// <param name="WeightedCombos">With weights: the sum of the hands' weights, in hands.</param>
/// <param name="Sample">A few hands spread through the range.</param>
/// <param name="Categories">With a flop, turn or river: how the hands split into hand categories (with an
/// opponent: each category's equity against it).</param>
/// <param name="Distribution">With an opponent: the range's sorted equity curve.</param>
/// <param name="Exact">With an opponent: whether every equity was computed exactly.</param>
internal sealed record RangeOutput(long Combos, double? WeightedCombos, IReadOnlyList<string> Sample, IReadOnlyList<CategoryShare>? Categories = null,
    IReadOnlyList<EquityPoint>? Distribution = null, bool? Exact = null);
