using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace PloSolver.Engine;

/// <summary>How equity is computed.</summary>
public enum EquityMode
{
    /// <summary>Exact when the deals fit the work budget, Monte Carlo otherwise.</summary>
    Auto,

    /// <summary>Exact enumeration; refused when it does not fit the work budget.</summary>
    Exact,

    /// <summary>Random sampling with a reported standard error.</summary>
    MonteCarlo,
}

/// <summary>One player's cards as the caller wrote them: a hand or a range, not both.</summary>
public sealed record PlayerInput
{
    /// <summary>Exact hole cards, e.g. <c>AsKsQhJh</c>.</summary>
    public string? Hand { get; init; }

    /// <summary>A range in the language of docs/ranges.md, e.g. <c>AA**:ds</c>.</summary>
    public string? Range { get; init; }
}

/// <summary>
/// An equity question in text form, the shape of <c>POST /api/equity</c> and of the CLI's flags. Turn it into an
/// <see cref="EquityProblem"/> with <see cref="EquityProblem.TryCreate"/>, which names every field that is wrong.
/// </summary>
public sealed record EquityInput
{
    /// <summary><c>plo4</c>, <c>plo5</c> or <c>plo6</c>.</summary>
    public string? Game { get; init; } = "plo4";

    /// <summary>Split each pot between the best high and the best eight-or-better low.</summary>
    public bool HiLo { get; init; }

    /// <summary>Two to nine players.</summary>
    public IReadOnlyList<PlayerInput>? Players { get; init; }

    /// <summary>None or one board (single board), or two (double board); each has 0, 3, 4 or 5 cards.</summary>
    public IReadOnlyList<string>? Boards { get; init; }

    /// <summary>Cards known to be out of play.</summary>
    public string? Dead { get; init; }

    /// <summary><c>auto</c> (default), <c>exact</c> or <c>montecarlo</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Monte Carlo trials (an upper bound when a target precision or time limit is also given).</summary>
    public long? Trials { get; init; }

    /// <summary>Monte Carlo seed; the same seed gives the same answer.</summary>
    public long? Seed { get; init; }

    /// <summary>Monte Carlo time limit in milliseconds.</summary>
    public int? TimeLimitMs { get; init; }

    /// <summary>Monte Carlo target: stop when every player's standard error is at most this many percentage
    /// points.</summary>
    public double? TargetStdErr { get; init; }
}

/// <summary>A validated equity question with cards parsed and every rule checked.</summary>
public sealed class EquityProblem
{
    /// <summary>Trials used when Monte Carlo runs and no trial count, precision or time limit is given.</summary>
    public const long DefaultTrials = 1_000_000;

    /// <summary>Trials at most when only a precision target is given (about a minute heads-up on two cores).</summary>
    public const long TargetTrialCap = 1_000_000_000;

    /// <summary>Most trials one request may ask for.</summary>
    public const long MaxTrials = 100_000_000_000;

    private EquityProblem(Game game, bool hiLo, string[] inputs, Card[][] hands, HandRange?[] ranges, Card[][] boards, Card[] dead, EquityMode mode,
        long? trials, ulong seed, TimeSpan? timeLimit, double? targetStdErr)
    {
        Game = game;
        HiLo = hiLo;
        Inputs = inputs;
        Hands = hands;
        Ranges = ranges;
        Boards = boards;
        Dead = dead;
        Mode = mode;
        Trials = trials;
        Seed = seed;
        TimeLimit = timeLimit;
        TargetStdErr = targetStdErr;
    }

    /// <summary>The variant.</summary>
    public Game Game { get; }

    /// <summary>Whether pots are split high/low.</summary>
    public bool HiLo { get; }

    /// <summary>Each player's input text, echoed in results.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Each player's hole cards (empty for a player given a range).</summary>
    public IReadOnlyList<Card[]> Hands { get; }

    /// <summary>Each player's range, or null for a player given a hand.</summary>
    public IReadOnlyList<HandRange?> Ranges { get; }

    /// <summary>Whether any player is given a range.</summary>
    public bool HasRanges => Ranges.Any(r => r is not null);

    /// <summary>One or two boards (an empty board is preflop).</summary>
    public IReadOnlyList<Card[]> Boards { get; }

    /// <summary>Dead cards.</summary>
    public IReadOnlyList<Card> Dead { get; }

    /// <summary>Requested mode.</summary>
    public EquityMode Mode { get; }

    /// <summary>Requested Monte Carlo trials, if any.</summary>
    public long? Trials { get; }

    /// <summary>Monte Carlo seed.</summary>
    public ulong Seed { get; }

    /// <summary>Monte Carlo time limit, if any.</summary>
    public TimeSpan? TimeLimit { get; }

    /// <summary>Monte Carlo precision target in percentage points, if any.</summary>
    public double? TargetStdErr { get; }

    /// <summary>
    /// Validates the input. On failure <paramref name="errors"/> maps each wrong field, named as in the JSON
    /// request (<c>players[1].hand</c>, <c>boards[0]</c>, <c>dead</c>), to what is wrong with it.
    /// </summary>
    public static bool TryCreate(EquityInput input, [NotNullWhen(true)] out EquityProblem? problem, out IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = new Dictionary<string, List<string>>();
        void Error(string field, string message)
        {
            if (!found.TryGetValue(field, out var list))
            {
                found[field] = list = [];
            }
            list.Add(message);
        }

        if (!Games.TryParse(input.Game, out var game))
        {
            Error("game", $"'{input.Game}' is not a game: expected plo4, plo5 or plo6");
        }

        var mode = EquityMode.Auto;
        switch (input.Mode?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                break;
            case "exact":
                mode = EquityMode.Exact;
                break;
            case "montecarlo" or "monte-carlo" or "mc":
                mode = EquityMode.MonteCarlo;
                break;
            default:
                Error("mode", $"'{input.Mode}' is not a mode: expected auto, exact or montecarlo");
                break;
        }

        // Every card is claimed by one field; a second claim names both.
        var owners = new Dictionary<int, string>();
        Card[] Claim(string field, string? text, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Error(field, "is required");
                }
                return [];
            }
            if (!CardParser.TryParse(text, out var cards, out var error))
            {
                Error(field, error);
                return [];
            }
            foreach (var card in cards)
            {
                if (owners.TryGetValue(card.Index, out var owner))
                {
                    Error(field, $"{card} is also in {owner}");
                }
                else
                {
                    owners[card.Index] = field;
                }
            }
            return cards;
        }

        var players = input.Players ?? [];
        if (players.Count is < 2 or > 9)
        {
            Error("players", $"expected 2 to 9 players, got {players.Count}");
        }
        var hands = new Card[players.Count][];
        var ranges = new HandRange?[players.Count];
        var inputs = new string[players.Count];
        for (var i = 0; i < players.Count; i++)
        {
            hands[i] = [];
            var player = players[i];
            if (player?.Range is not null)
            {
                if (player.Hand is not null)
                {
                    Error($"players[{i}]", "give a hand or a range, not both");
                }
                inputs[i] = player.Range.Trim();
                continue; // parsed below, once every known card is claimed
            }
            var field = $"players[{i}].hand";
            var text = player?.Hand;
            inputs[i] = text?.Trim() ?? "";
            hands[i] = Claim(field, text, required: true);
            if (hands[i].Length != 0 && hands[i].Length != game.HoleCards() && !found.ContainsKey("game"))
            {
                Error(field, $"{game.Name()} hands have {game.HoleCards()} cards, this one has {hands[i].Length}");
            }
        }

        var boardTexts = input.Boards ?? [];
        if (boardTexts.Count > 2)
        {
            Error("boards", $"expected one or two boards, got {boardTexts.Count}");
        }
        var boards = boardTexts.Count == 0 ? [[]] : new Card[Math.Min(boardTexts.Count, 2)][];
        for (var b = 0; b < boardTexts.Count && b < 2; b++)
        {
            var field = $"boards[{b}]";
            boards[b] = Claim(field, boardTexts[b], required: false);
            if (boards[b].Length is 1 or 2 or > 5)
            {
                Error(field, $"a board has 0, 3, 4 or 5 cards, this one has {boards[b].Length}");
            }
        }

        var dead = Claim("dead", input.Dead, required: false);

        // Ranges leave out every hand holding a known card: the boards, the dead cards and the exact hands.
        var known = owners.Keys.Aggregate(0UL, (mask, card) => mask | 1UL << card);
        for (var i = 0; i < players.Count; i++)
        {
            if (players[i]?.Range is { } text && players[i]?.Hand is null && !found.ContainsKey("game"))
            {
                if (RangeParser.TryParse(text, game, known, out var range, out var rangeError))
                {
                    ranges[i] = range;
                }
                else
                {
                    Error($"players[{i}].range", $"position {rangeError.Position}: {rangeError.Message}");
                }
            }
        }

        var needed = players.Count * game.HoleCards() + 5 * boards.Length + dead.Length;
        if (needed > Card.DeckSize && !found.ContainsKey("players"))
        {
            Error("players", $"{players.Count} {game.Name()} hands, {boards.Length} board(s) and {dead.Length} dead cards need {needed} cards; the deck has 52");
        }

        if (input.Trials is <= 0 or > MaxTrials)
        {
            Error("trials", $"must be between 1 and {MaxTrials}");
        }
        if (input.TimeLimitMs is <= 0)
        {
            Error("timeLimitMs", "must be positive");
        }
        if (input.TargetStdErr is { } target && (double.IsNaN(target) || target <= 0 || target >= 50))
        {
            Error("targetStdErr", "must be a number of percentage points above 0 and below 50");
        }
        if (mode == EquityMode.Exact && (input.Trials is not null || input.TargetStdErr is not null || input.TimeLimitMs is not null))
        {
            Error("mode", "exact enumeration takes no trials, target precision or time limit");
        }
        if (mode == EquityMode.Exact && boards.Length == 2 && found.Count == 0
            && !DoubleBoardEnumerator.Supports(5 - boards[0].Length, 5 - boards[1].Length))
        {
            Error("mode", "exact double-board equity needs at least one board with three or more cards; use montecarlo");
        }

        errors = found.ToDictionary(e => e.Key, e => e.Value.ToArray());
        if (found.Count > 0)
        {
            problem = null;
            return false;
        }
        problem = new EquityProblem(game, input.HiLo, inputs, hands, ranges, boards, dead, mode, input.Trials, unchecked((ulong)(input.Seed ?? 0)),
            input.TimeLimitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, input.TargetStdErr);
        return true;
    }

    internal ulong DeadMask => Card.ToMask(Dead.ToArray());

    /// <summary>The same question with one player's cards replaced (a hand, or a sub-range of the player's range)
    /// and its own Monte Carlo settings: how a breakdown asks about one part of a range.</summary>
    internal EquityProblem WithPlayer(int player, Card[] hand, HandRange? range, string input, EquityMode mode, long? trials, ulong seed)
    {
        var hands = Hands.ToArray();
        var ranges = Ranges.ToArray();
        var inputs = Inputs.ToArray();
        (hands[player], ranges[player], inputs[player]) = (hand, range, input);
        return new EquityProblem(Game, HiLo, inputs, hands, ranges, Boards.ToArray(), Dead.ToArray(), mode, trials, seed, null, null);
    }

    internal int AvailableCards
    {
        get
        {
            var used = DeadMask;
            foreach (var hand in Hands)
            {
                used |= Card.ToMask(hand);
            }
            foreach (var board in Boards)
            {
                used |= Card.ToMask(board);
            }
            return Card.DeckSize - BitOperations.PopCount(used);
        }
    }
}
