namespace PloSolver.Engine;

/// <summary>
/// xoshiro256** (Blackman and Vigna): a small, fast generator with a 256-bit state. Each Monte Carlo chunk gets
/// its own generator seeded from (seed, chunk index) through SplitMix64, so a chunk's trials never depend on
/// which thread runs it.
/// </summary>
internal struct Xoshiro
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Fills a buffer with random words, keeping the state in registers for the whole loop.</summary>
    public void Fill(Span<ulong> output)
    {
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
