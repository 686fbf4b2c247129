using System.Diagnostics;

namespace PloSolver.Engine.Tests;

/// <summary>
/// A fact about the engine's optimized code, skipped when the engine is built for debugging: unoptimized code
/// allocates a field-info object each time it reads a constant table such as <c>ReadOnlySpan&lt;ushort&gt; X =&gt;
/// [...]</c>. The test command builds Release, where these facts run.
/// </summary>
public sealed class OptimizedBuildFactAttribute : FactAttribute
{
    public OptimizedBuildFactAttribute()
    {
        var debuggable = typeof(HandClassifier).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().FirstOrDefault();
        if (debuggable?.IsJITOptimizerDisabled == true)
        {
            Skip = "the engine is a Debug build: unoptimized code allocates when it reads constant tables";
        }
    }
}

