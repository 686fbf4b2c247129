using System.Globalization;
using System.Text;
using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli;

/// <summary><c>plosolver equity</c>: the equity of 2–9 hands on one or two boards.</summary>
internal static partial class EquityCommand
{
    public const string Usage =
        "plosolver equity [--game plo4|plo5|plo6] [--board CARDS] [--board2 CARDS] [--dead CARDS] [--hilo] " +
        "[--exact | --montecarlo | --trials N] [--target-stderr PCT] [--time-limit MS] [--seed N] [--threads N] [--repeat N] [--json] HAND HAND…";

    private static readonly HashSet<string> ValueOptions =
        ["game", "board", "board2", "dead", "trials", "seed", "repeat", "threads", "target-stderr", "time-limit"];

    private static readonly HashSet<string> Switches = ["hilo", "exact", "montecarlo", "json"];

    public static int Run(IEnumerable<string> args, TextWriter stdout)
    {
        var a = new Arguments(args, ValueOptions, Switches);
        if (a.Has("exact") && (a.Has("montecarlo") || a.Has("trials")))
        {
            throw new UsageException("--exact cannot be combined with --montecarlo or --trials");
        }
        var monteCarlo = a.Has("montecarlo") || a.Has("trials") || a.Has("target-stderr") || a.Has("time-limit");
        var boards = new List<string>();
        if (a.Has("board") || a.Has("board2"))
        {
            boards.Add(a.Value("board") ?? "");
        }
        if (a.Has("board2"))
        {
            boards.Add(a.Value("board2")!);
        }

        var input = new EquityInput
        {
            Game = a.Value("game") ?? "plo4",
            HiLo = a.Has("hilo"),
            Players = [.. a.Positionals.Select(p => Player(p, a.Value("game")))],
            Boards = boards,
            Dead = a.Value("dead"),
            Mode = a.Has("exact") ? "exact" : monteCarlo ? "montecarlo" : "auto",
            Trials = a.Long("trials", 1, EquityProblem.MaxTrials),
            Seed = a.Long("seed", long.MinValue, long.MaxValue),
            TimeLimitMs = (int?)a.Long("time-limit", 1, int.MaxValue),
            TargetStdErr = a.Double("target-stderr", 0, 50),
        };
        var repeat = (int)(a.Long("repeat", 1, 1_000_000) ?? 1);
        var limits = new EquityLimits { Threads = (int)(a.Long("threads", 1, 1024) ?? 0) };

        if (!EquityProblem.TryCreate(input, out var problem, out var errors))
        {
            var (field, messages) = errors.First();
            throw new UsageException($"{DescribeField(field, input)}: {FieldNames().Replace(messages[0], m => DescribeField(m.Value, input))}");
        }

        EquityResult? best = null;
        for (var i = 0; i < repeat; i++)
        {
            EquityResult result;
            try
            {
                result = EquityCalculator.Calculate(problem, limits);
            }
            catch (EquityLimitException e)
            {
                throw new UsageException($"{DescribeField(e.Field, input)}: {e.Message}");
            }
            if (best is null || result.ElapsedMs < best.ElapsedMs)
            {
                best = result;
            }
        }

        stdout.WriteLine(a.Has("json") ? JsonSerializer.Serialize(best!, JsonOutput.Default.EquityResult) : Format(problem, best!, repeat));
        return 0;
    }

    // Field names inside engine messages ("7c is also in players[1].hand").
    [System.Text.RegularExpressions.GeneratedRegex(@"players\[\d+\]\.(hand|range)|boards\[\d\]|(?<=also in )dead")]
    private static partial System.Text.RegularExpressions.Regex FieldNames();

    // An argument written only as cards is a hand (so a mistyped hand is an error, not a range of the hands that
    // hold those cards); anything else is a range. Text that is neither is reported as what it looks like: a
    // range when it uses range syntax, a hand otherwise.
    /// <summary>A player argument: exact cards are a hand, anything else a range.</summary>
    public static PlayerInput Player(string text, string? gameText) =>
        IsHand(text, gameText) ? new PlayerInput { Hand = text } : new PlayerInput { Range = text };

    private static bool IsHand(string text, string? gameText)
    {
        const string ranks = "AKQJT98765432";
        // Cards, or cards with a last rank missing its suit ("AsKsQhJ"): a hand, so a typo is reported as one.
        if (CardParser.TryParse(text, out _, out _)
            || text.Length > 1 && ranks.Contains(char.ToUpperInvariant(text[^1])) && CardParser.TryParse(text[..^1], out var most, out _) && most.Length > 0)
        {
            return true;
        }
        var game = Games.TryParse(gameText ?? "plo4", out var parsed) ? parsed : Game.Plo4;
        if (RangeParser.TryParse(text, game, 0, out _, out _))
        {
            return false;
        }
        var rangeSyntax = text.IndexOfAny(['*', '[', ']', '$', ',', ':', '!', '(', ')', '@', '+', '-']) >= 0
            || text.Zip(text.Skip(1)).Any(pair => ranks.Contains(pair.First) && ranks.Contains(pair.Second)); // "AA": a rank without a suit
        return !rangeSyntax;
    }

    /// <summary>Names a request field the way the command line spells it.</summary>
    private static string DescribeField(string field, EquityInput input) => field switch
    {
        "game" => "--game",
        "boards[0]" => "--board",
        "boards[1]" => "--board2",
        "dead" => "--dead",
        "trials" => "--trials",
        "mode" => "--exact",
        "timeLimitMs" => "--time-limit",
        "targetStdErr" => "--target-stderr",
        "players" => "hands",
        _ when field.StartsWith("players[", StringComparison.Ordinal) =>
            int.TryParse(field.AsSpan(8, field.IndexOf(']', StringComparison.Ordinal) - 8), CultureInfo.InvariantCulture, out var i)
                ? input.Players![i].Range is { } range ? $"range {i + 1} ({range})" : $"hand {i + 1} ({input.Players[i].Hand})"
                : field,
        _ => field,
    };

    private static string Format(EquityProblem problem, EquityResult result, int repeat)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var boards = string.Join(" | ", problem.Boards.Select(b => b.Length == 0 ? "preflop" : Card.Format(b)));
        var method = result.Exact
            ? $"exact, {result.Deals.ToString("N0", inv)} deals"
            : $"Monte Carlo, {result.Deals.ToString("N0", inv)} trials";
        var timing = repeat > 1 ? $"fastest of {repeat}: {result.ElapsedMs.ToString("0.###", inv)} ms" : $"{result.ElapsedMs.ToString("0.###", inv)} ms";
        sb.Append(inv, $"{problem.Game.Name().ToUpperInvariant()}{(problem.HiLo ? " hi-lo" : "")}  board {boards}");
        if (problem.Dead.Count > 0)
        {
            sb.Append(inv, $"  dead {Card.Format([.. problem.Dead])}");
        }
        sb.AppendLine().AppendLine(inv, $"{method}, {timing}");

        var doubleBoard = problem.Boards.Count == 2;
        var header = new List<string> { "hand", "equity", "win", "tie" };
        if (!result.Exact)
        {
            header.Add("± std err");
        }
        if (doubleBoard || problem.HiLo)
        {
            header.Add("scoop");
        }
        for (var b = 0; b < problem.Boards.Count; b++)
        {
            var suffix = doubleBoard ? $" b{b + 1}" : "";
            if (doubleBoard)
            {
                header.Add("equity" + suffix);
            }
            if (problem.HiLo)
            {
                header.Add("hi" + suffix);
                header.Add("lo" + suffix);
            }
        }

        var rows = new List<List<string>> { header };
        static string P(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) + "%" : "";
        foreach (var player in result.Players)
        {
            var row = new List<string> { player.Input, P(player.Equity), P(player.Win), P(player.Tie) };
            if (!result.Exact)
            {
                row.Add(player.StdErr?.ToString("0.000", inv) ?? ""); // none for a one-trial run
            }
            if (doubleBoard || problem.HiLo)
            {
                row.Add(P(player.Scoop));
            }
            foreach (var board in player.Boards)
            {
                if (doubleBoard)
                {
                    row.Add(P(board.Equity));
                }
                if (problem.HiLo)
                {
                    row.Add(P(board.Hi));
                    row.Add(P(board.Lo));
                }
            }
            rows.Add(row);
        }
        TextTable.Write(sb, rows);
        return sb.ToString().TrimEnd();
    }
}

/// <summary>Left-aligned first column, right-aligned numbers, two spaces between columns.</summary>
internal static class TextTable
{
    public static void Write(StringBuilder sb, List<List<string>> rows)
    {
        var widths = new int[rows.Max(r => r.Count)];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                sb.Append(i == 0 ? row[i].PadRight(widths[i]) : "  " + row[i].PadLeft(widths[i]));
            }
            sb.AppendLine();
        }
    }
}
