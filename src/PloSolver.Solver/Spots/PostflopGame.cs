using System.Globalization;
using System.Numerics;
using PloSolver.Engine;

namespace PloSolver.Solver;

/// <summary>
/// A validated spot turned into a solver game: both ranges as hands off the board with weights, the betting tree
/// with chance nodes for the turn and river, and the final boards whose showdown tables are prepared on demand
/// (after the memory estimate has accepted the spot).
/// </summary>
internal sealed class PostflopGame
{
    /// <summary>Above this many tree nodes a spot is refused before any per-hand memory is taken.</summary>
    public const int MaxNodes = 5_000_000;

    private readonly Dictionary<ulong, ShowdownBoard> _boards;

    private PostflopGame(Spot spot, Game game, Card[] board, Card[][][] cards, SolverGame solverGame, Dictionary<ulong, ShowdownBoard> boards)
    {
        Spot = spot;
        Variant = game;
        Board = board;
        Cards = cards;
        SolverGame = solverGame;
        _boards = boards;
    }

    public Spot Spot { get; }

    public Game Variant { get; }

    public Card[] Board { get; }

    /// <summary>[player][hand] = the hand's cards.</summary>
    public Card[][][] Cards { get; }

    public SolverGame SolverGame { get; }

    public int FinalBoards => _boards.Count;

    /// <summary>Validates a spot and builds its tree.</summary>
    /// <exception cref="SpotException">The spot is invalid or its tree too big; the message names the field.</exception>
    public static PostflopGame Create(Spot spot)
    {
        if (!Games.TryParse(spot.Game, out var game))
        {
            throw new SpotException($"game: '{spot.Game}' is not a game: expected plo4, plo5 or plo6");
        }
        if (!CardParser.TryParse(spot.Board, out var board, out var boardError))
        {
            throw new SpotException($"board: {boardError}");
        }
        if (board.Length is < 3 or > 5)
        {
            throw new SpotException($"board: a spot starts on the flop, turn or river (3 to 5 cards), this board has {board.Length}");
        }
        var boardMask = Card.ToMask(board);
        if (BitOperations.PopCount(boardMask) != board.Length)
        {
            var repeated = board.GroupBy(c => c).First(g => g.Count() > 1).Key;
            throw new SpotException($"board: {repeated} appears twice");
        }
        CheckPositive(spot.Pot, "pot", "the chips in the middle");
        if (!(spot.EffectiveStack >= 0) || double.IsInfinity(spot.EffectiveStack))
        {
            throw new SpotException($"effectiveStack: a stack cannot be negative, got {spot.EffectiveStack.ToString(CultureInfo.InvariantCulture)}");
        }
        if (!(spot.AllInThreshold is > 0 and <= 1))
        {
            throw new SpotException("allInThreshold: expected a share of the remaining stack above 0 and at most 1");
        }
        if (!(spot.TargetExploitabilityPctPot >= 0) || double.IsInfinity(spot.TargetExploitabilityPctPot))
        {
            throw new SpotException($"targetExploitabilityPctPot: expected a percentage of the pot of 0 or more, got {spot.TargetExploitabilityPctPot.ToString(CultureInfo.InvariantCulture)}");
        }
        if (spot.MaxIterations < 1)
        {
            throw new SpotException($"maxIterations: expected at least 1 iteration, got {spot.MaxIterations}");
        }
        CheckPositive(spot.TimeLimitSeconds, "timeLimitSeconds", "the time limit");
        CheckPositive(spot.MaxMemoryMb, "maxMemoryMb", "the memory limit");
        var streets = new StreetConfig[3];
        string[] names = ["flop", "turn", "river"];
        StreetSizes?[] sizes = [spot.Flop, spot.Turn, spot.River];
        for (var s = 0; s < 3; s++)
        {
            streets[s] = StreetConfig.From(names[s], sizes[s]);
        }

        var (hands0, weights0, cards0) = Range("oopRange", spot.OopRange, game, board, boardMask);
        var (hands1, weights1, cards1) = Range("ipRange", spot.IpRange, game, board, boardMask);
        ulong[][] hands = [hands0, hands1];

        var builder = new PostflopTreeBuilder(spot.Pot, spot.EffectiveStack, streets, spot.AllInThreshold, game.HoleCards(), MaxNodes);
        var root = builder.Build(boardMask);
        var solverGame = new SolverGame(hands, [weights0, weights1], root, spot.Pot);
        return new PostflopGame(spot, game, board, [cards0, cards1], solverGame, builder.Boards);
    }

    /// <summary>Sorts both ranges on every final board of the tree (in parallel: boards are independent).</summary>
    public void PrepareBoards(int threads)
    {
        var boards = _boards.Values.Where(b => !b.IsPrepared).ToArray();
        Parallel.ForEach(boards, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, Prepare);
    }

    /// <summary>The prepared showdown table of a final board (made now if the tree has none for it).</summary>
    public ShowdownBoard BoardFor(ulong mask)
    {
        lock (_boards)
        {
            if (_boards.TryGetValue(mask, out var known) && known.IsPrepared)
            {
                return known;
            }
        }
        var board = new ShowdownBoard(mask);
        Prepare(board);
        return board;
    }

    private void Prepare(ShowdownBoard board)
    {
        var boardCards = Card.FromMask(board.Board);
        board.Prepare(SolverGame.Hands, (p, h) => HandEvaluator.OmahaHigh(Cards[p][h], boardCards).Value);
    }

    private static (ulong[] Hands, float[] Weights, Card[][] Cards) Range(string field, string? text, Game game, Card[] board, ulong boardMask)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SpotException($"{field}: a range is required");
        }
        if (!RangeParser.TryParse(text, game, boardMask, out var range, out var error))
        {
            throw new SpotException($"{field}, position {error.Position}: {error.Message}");
        }
        var hands = range.Hands().Where(h => h.Weight > 0).ToArray();
        if (hands.Length == 0)
        {
            throw new SpotException($"{field}: no hand of '{text}' is left once the board's cards ({Card.Format(board)}) are removed");
        }
        return ([.. hands.Select(h => Card.ToMask(h.Hand))], [.. hands.Select(h => h.Weight / 100f)], [.. hands.Select(h => h.Hand)]);
    }

    private static void CheckPositive(double value, string field, string what)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new SpotException($"{field}: {what} must be a positive number, got {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

/// <summary>A street's sizes, validated.</summary>
internal sealed record StreetConfig(double[] Bets, double[] Raises, int MaxRaises, bool AllIn)
{
    /// <summary>Sizes per list: more would make trees nobody can solve (and decisions of more actions than the stored
    /// solution format's byte holds).</summary>
    public const int MaxSizes = 16;

    public static StreetConfig From(string name, StreetSizes? sizes)
    {
        if (sizes is null)
        {
            return new StreetConfig([], [], 0, false);
        }
        foreach (var (list, kind) in new[] { (sizes.Bets, "bets"), (sizes.Raises, "raises") })
        {
            if (list.Count > MaxSizes)
            {
                throw new SpotException($"{name}.{kind}: at most {MaxSizes} sizes, got {list.Count}");
            }
            foreach (var size in list)
            {
                if (!(size > 0 && size <= 100))
                {
                    throw new SpotException($"{name}.{kind}: sizes are fractions of the pot above 0 (0.33, 0.75, 1 = pot), got {size.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
        if (sizes.MaxRaises is < 0 or > 10)
        {
            throw new SpotException($"{name}.maxRaises: expected 0 to 10 raises, got {sizes.MaxRaises}");
        }
        if (sizes.MaxRaises > 0 && sizes.Raises.Count == 0 && !sizes.AllIn)
        {
            throw new SpotException($"{name}.maxRaises: {sizes.MaxRaises} raises allowed but no raise size and no all-in given");
        }
        return new StreetConfig([.. sizes.Bets.Distinct().Order()], [.. sizes.Raises.Distinct().Order()], sizes.MaxRaises, sizes.AllIn);
    }
}
