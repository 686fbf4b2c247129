using System.Text.Json;

namespace PloSolver.Server.Jobs;

internal static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;
}

/// <summary>A unit of long work; the jobs table is the queue (see <see cref="JobQueue"/>).</summary>
internal sealed class Job
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The handler that runs it: <c>equity</c> or <c>solve</c>.</summary>
    public string Type { get; set; } = "";

    public string Status { get; set; } = JobStatus.Queued;

    /// <summary>The request's <c>input</c> object as JSON text.</summary>
    public string Input { get; set; } = "{}";

    /// <summary>The handler's result as JSON text, once succeeded.</summary>
    public string? Result { get; set; }

    public string? Error { get; set; }

    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }

    /// <summary>The handler's own progress figures as JSON text (a solve: iterations, exploitability, history).</summary>
    public string? Detail { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The worker holding the lease while running.</summary>
    public string? WorkerId { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>How many times a worker claimed it (more than one after a worker died mid-run).</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public JobDto AsDto() => new(Id, Type, Status, Json(Input)!.Value, Progress, Json(Detail), CancelRequested, Attempts, CreatedAt, StartedAt, FinishedAt,
        Json(Result), Error);

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}

internal sealed record JobDto(Guid Id, string Type, string Status, JsonElement Input, double Progress, JsonElement? Detail, bool CancelRequested, int Attempts,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, JsonElement? Result, string? Error);

/// <summary>A solve job's stored solution (PloSolver.Solver's format), kept apart from the job row so that listing
/// and polling jobs never reads it.</summary>
internal sealed class JobSolution
{
    public Guid JobId { get; set; }

    /// <summary>The format version, so that a server can tell a solution it cannot read from a corrupt one.</summary>
    public int FormatVersion { get; set; }

    public byte[] Data { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
