using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace PloSolver.Solver;

/// <summary>A stored solution that cannot be read: not a solution, another format version, truncated or corrupt.</summary>
public sealed class SolutionFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The stored solution format. A 28-byte header — the magic <c>PLOSOLN\n</c>, the format version (u16, little
/// endian), two reserved bytes, the length of what follows (i64) and a 64-bit checksum of it — then a zlib stream
/// holding (the length catches a stream cut short, the checksum any changed byte before anything is decoded):
/// <list type="number">
/// <item>the spot as JSON (u32 length, UTF-8), from which the tree is rebuilt on reading;</item>
/// <item>how the solve went: iterations, threads, elapsed ms, exploitability in chips, peak memory, and the
/// exploitability history;</item>
/// <item>both players' hand counts and the number of decisions, to check the rebuilt tree;</item>
/// <item>every decision in tree order (pre-order, children in action order): its action count (u8), then the
/// average strategy in 16-bit fixed point per action and hand (sums to exactly 65,535 for every hand, rounded by
/// largest remainder), the last action left out because it is what the others leave. Each decision's values are
/// written action-major as two byte planes, low bytes then high bytes: the high bytes of a strategy repeat a lot
/// and compress well once they are apart from the noisy low bytes.</item>
/// </list>
/// Regrets are not stored: a stored solution is for reading, not for solving further.
/// </summary>
internal static class SolutionFormat
{
    public const int Version = 1;

    /// <summary>Fixed-point one: a hand's frequencies sum to exactly this.</summary>
    private const int Scale = 65535;

    private const int HeaderBytes = 28;

    private static ReadOnlySpan<byte> Magic => "PLOSOLN\n"u8;

    public static void Write(SolveResult result, Stream stream)
    {
        // The compressed body is gathered first so that the header can give its length.
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteBody(result, zlib);
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], compressed.Length);
        var data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[20..], Checksum(data));
        stream.Write(header);
        stream.Write(data);
    }

    // Fastest: zlib level 1 runs at hundreds of MB/s; the byte planes, not the level, do most of the work.
    private static void WriteBody(SolveResult result, Stream zlib)
    {
        using var body = new BinaryWriter(new BufferedStream(zlib, 1 << 16), Encoding.UTF8, leaveOpen: false);
        var spot = JsonSerializer.SerializeToUtf8Bytes(result.Spot, SpotJson.Default.Spot);
        body.Write(spot.Length);
        body.Write(spot);
        body.Write(result.Iterations);
        body.Write(result.Threads);
        body.Write(result.ElapsedMs);
        body.Write(result.ExploitabilityChips);
        body.Write(result.PeakMemoryBytes);
        body.Write(result.History.Count);
        foreach (var point in result.History)
        {
            body.Write(point.Iterations);
            body.Write(point.ExploitabilityPctPot);
            body.Write(point.ElapsedMs);
        }
        var game = result.Game.SolverGame;
        body.Write(game.HandCount(0));
        body.Write(game.HandCount(1));
        var decisions = Decisions(game);
        body.Write(decisions.Count);
        var strategy = Array.Empty<float>();
        var planes = Array.Empty<byte>();
        Span<int> quantised = stackalloc int[256];
        Span<double> remainders = stackalloc double[256];
        foreach (var node in decisions)
        {
            var n = game.HandCount(node.Player);
            var actions = node.Actions.Length;
            body.Write((byte)actions);
            if (strategy.Length < actions * n)
            {
                strategy = new float[actions * n];
            }
            DcfrSolver.Strategy(node, average: true, n, strategy.AsSpan(0, actions * n));
            var stored = (actions - 1) * n;
            if (planes.Length < 2 * stored)
            {
                planes = new byte[2 * stored];
            }
            for (var h = 0; h < n; h++)
            {
                Quantise(strategy, actions, n, h, quantised[..actions], remainders[..actions]);
                for (var a = 0; a < actions - 1; a++)
                {
                    var i = a * n + h;
                    planes[i] = (byte)quantised[a];
                    planes[stored + i] = (byte)(quantised[a] >> 8);
                }
            }
            body.Write(planes, 0, 2 * stored);
        }
    }

    /// <summary>One hand's frequencies in fixed point summing to exactly <see cref="Scale"/>: each rounded down,
    /// then the units left over go to the largest remainders (the first action on ties).</summary>
    private static void Quantise(float[] strategy, int actions, int n, int h, Span<int> quantised, Span<double> remainders)
    {
        var sum = 0.0;
        for (var a = 0; a < actions; a++)
        {
            sum += Math.Max(strategy[a * n + h], 0f);
        }
        var left = Scale;
        for (var a = 0; a < actions; a++)
        {
            var x = sum > 0 ? Math.Max(strategy[a * n + h], 0f) / sum * Scale : (double)Scale / actions;
            quantised[a] = (int)Math.Floor(x);
            remainders[a] = x - quantised[a];
            left -= quantised[a];
        }
        for (; left > 0; left--)
        {
            var best = 0;
            for (var a = 1; a < actions; a++)
            {
                if (remainders[a] > remainders[best])
                {
                    best = a;
                }
            }
            quantised[best]++;
            remainders[best] = -1;
        }
    }

    public static SolveResult Read(Stream stream, int threads)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        var got = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        if (got < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new SolutionFormatException(got == 0 ? "not a PLOSolver solution: it is empty" : "not a PLOSolver solution: the header does not match");
        }
        if (got < HeaderBytes)
        {
            throw new SolutionFormatException("the solution is truncated");
        }
        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new SolutionFormatException($"the solution is in format version {version}; this build reads version {Version}");
        }
        var length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (length < 0 || length > Array.MaxLength)
        {
            throw new SolutionFormatException($"the solution is corrupt: {length} is not a possible length");
        }
        var compressed = new byte[length];
        if (stream.ReadAtLeast(compressed, compressed.Length, throwOnEndOfStream: false) < compressed.Length)
        {
            throw new SolutionFormatException("the solution is truncated");
        }
        if (stream.ReadByte() >= 0)
        {
            throw new SolutionFormatException("the solution is corrupt: data follows its end");
        }
        if (Checksum(compressed) != BinaryPrimitives.ReadUInt64LittleEndian(header[20..]))
        {
            throw new SolutionFormatException("the solution is corrupt: its checksum does not match");
        }
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            using var body = new BinaryReader(zlib, Encoding.UTF8, leaveOpen: true);
            var spotBytes = body.ReadBytes(Count(body.ReadInt32(), 16 << 20, "spot"));
            Spot spot;
            try
            {
                spot = SpotFile.Parse(Encoding.UTF8.GetString(spotBytes));
            }
            catch (SpotException e)
            {
                throw new SolutionFormatException($"the solution is corrupt: its spot does not read ({e.Message})");
            }
            var iterations = body.ReadInt32();
            var solveThreads = body.ReadInt32();
            var elapsedMs = body.ReadDouble();
            var exploitability = body.ReadDouble();
            var peakMemory = body.ReadInt64();
            var history = new SolveProgress[Count(body.ReadInt32(), 100_000_000, "history")];
            for (var i = 0; i < history.Length; i++)
            {
                history[i] = new SolveProgress(body.ReadInt32(), body.ReadDouble(), body.ReadDouble());
            }
            var hands = (Oop: body.ReadInt32(), Ip: body.ReadInt32());
            var decisionCount = body.ReadInt32();

            PostflopGame game;
            try
            {
                game = PostflopGame.Create(spot);
            }
            catch (SpotException e)
            {
                throw new SolutionFormatException($"the solution's spot is no longer valid: {e.Message}");
            }
            var g = game.SolverGame;
            var decisions = Decisions(g);
            if (hands != (g.HandCount(0), g.HandCount(1)) || decisionCount != decisions.Count)
            {
                throw new SolutionFormatException(
                    $"the solution does not match the tree this build makes for its spot ({decisionCount:N0} decisions and {hands.Oop:N0}/{hands.Ip:N0} hands stored, {decisions.Count:N0} and {g.HandCount(0):N0}/{g.HandCount(1):N0} built)");
            }
            var solverThreads = threads > 0 ? threads : Environment.ProcessorCount;
            var estimate = PostflopSolver.Estimate(game, solverThreads);
            game.PrepareBoards(solverThreads);
            var solver = new DcfrSolver(g, solverThreads);
            var planes = Array.Empty<byte>();
            foreach (var node in decisions)
            {
                var n = g.HandCount(node.Player);
                var actions = node.Actions.Length;
                if (body.ReadByte() != actions)
                {
                    throw new SolutionFormatException("the solution does not match the tree this build makes for its spot (a decision's actions differ)");
                }
                var stored = (actions - 1) * n;
                if (planes.Length < 2 * stored)
                {
                    planes = new byte[2 * stored];
                }
                zlib.ReadExactly(planes, 0, 2 * stored);
                // Reports read only the average strategy; the regrets a solve would need are not kept.
                node.Regrets = [];
                var sums = node.StrategySum;
                for (var h = 0; h < n; h++)
                {
                    var left = Scale;
                    for (var a = 0; a < actions - 1; a++)
                    {
                        var i = a * n + h;
                        var q = planes[i] | planes[stored + i] << 8;
                        sums[i] = q;
                        left -= q;
                    }
                    if (left < 0)
                    {
                        throw new SolutionFormatException("the solution is corrupt: a hand's frequencies sum to more than 1");
                    }
                    sums[(actions - 1) * n + h] = left;
                }
            }
            // Reading to the end makes zlib verify the body's Adler-32 check.
            if (zlib.Read(planes.Length > 0 ? planes.AsSpan(0, 1) : new byte[1]) != 0)
            {
                throw new SolutionFormatException("the solution is corrupt: data follows the last decision");
            }
            return new SolveResult(game, solver, iterations, solveThreads, estimate, exploitability, elapsedMs, peakMemory, history);
        }
        catch (EndOfStreamException e)
        {
            throw new SolutionFormatException("the solution is truncated", e);
        }
        catch (InvalidDataException e)
        {
            throw new SolutionFormatException($"the solution is corrupt: {e.Message}", e);
        }
    }

    /// <summary>FNV-1a over 64-bit words (then the tail bytes), finished with a mix: catches corruption at about a
    /// gigabyte a second; it is no defence against a deliberate forgery, which the database's access rules are.</summary>
    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        const ulong Prime = 0x100000001b3;
        var hash = 0xcbf29ce484222325UL ^ (ulong)data.Length;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            hash = (hash ^ word) * Prime;
        }
        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            hash = (hash ^ b) * Prime;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        return hash ^ hash >> 33;
    }

    private static int Count(int value, int max, string what) =>
        value >= 0 && value <= max ? value : throw new SolutionFormatException($"the solution is corrupt: {value} is not a possible {what} length");

    private static List<ActionNode> Decisions(SolverGame game)
    {
        var decisions = new List<ActionNode>();
        SolverGame.Visit(game.Root, node =>
        {
            if (node is ActionNode a)
            {
                decisions.Add(a);
            }
        });
        return decisions;
    }
}
