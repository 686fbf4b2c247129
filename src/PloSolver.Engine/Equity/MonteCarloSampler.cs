using System.Diagnostics;

namespace PloSolver.Engine;

/// <summary>When a Monte Carlo run stops.</summary>
/// <param name="Trials">Upper bound on trials.</param>
/// <param name="TargetStdErr">Stop once every player's standard error (percentage points) is at most this.</param>
/// <param name="TimeLimit">Stop at the first batch boundary after this much time.</param>
/// <param name="Seed">The same seed gives the same answer on any number of threads (unless the time limit ends
/// the run).</param>
internal sealed record MonteCarloLimits(long Trials, double? TargetStdErr, TimeSpan? TimeLimit, ulong Seed);

/// <summary>
/// Monte Carlo equity for known hands on one or two boards. Trials run in fixed chunks, each with its own
/// generator seeded by (seed, chunk index), and chunks are summed as integers, so
/// a result depends only on which chunks ran, never on the thread that ran them. Chunks are handed out in order,
/// so a run stopped by its time limit has done a prefix of them.
/// </summary>
internal static class MonteCarloSampler
{
    public const int ChunkTrials = 1 << 14;

    /// <summary>Monte Carlo for known hands: the deck is fixed, and each hand gets its own lookup tables.</summary>
    public static MonteCarloTotals Run(PreparedHand[] hands, Card[][] boards, ulong dead, bool hiLo, MonteCarloLimits limits,
        ParallelWork parallel, IProgress<EquityProgress>? progress, Stopwatch clock)
    {
        var used = dead;
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }
        foreach (var board in boards)
        {
            used |= Card.ToMask(board);
        }
        var deck = Card.FromMask(~used & ((1UL << Card.DeckSize) - 1));
        var deckIndexes = deck.Select(c => (int)c.Index).ToArray();
        var dealt = boards.Sum(b => 5 - b.Length);
        foreach (var hand in hands)
        {
            hand.BuildLookupTables();
        }
        return Run(hands.Length, boards.Length, limits, parallel, progress, clock, (rng, trials, local) =>
        {
            if (boards.Length == 1 && !hiLo)
            {
                RunSingleBoardHighChunk(hands, boards[0], deck, rng, trials, local);
            }
            else
            {
                var source = new KnownHands(hands, new CardSampler(rng, deckIndexes, dealt));
                RunChunk(ref source, boards, hiLo, hands.Length, trials, local);
            }
        });
    }

    /// <summary>Monte Carlo when some player holds a range: every trial draws the players' hands, then the board.</summary>
    public static MonteCarloTotals RunRanges(HandSource[] players, int holeCards, Card[][] boards, ulong dead, bool hiLo, MonteCarloLimits limits,
        ParallelWork parallel, IProgress<EquityProgress>? progress, Stopwatch clock)
    {
        var known = dead;
        foreach (var board in boards)
        {
            known |= Card.ToMask(board);
        }
        return Run(players.Length, boards.Length, limits, parallel, progress, clock, (rng, trials, local) =>
        {
            var source = new RangeHands(players, known, holeCards, rng);
            RunChunk(ref source, boards, hiLo, players.Length, trials, local);
        });
    }

    private static MonteCarloTotals Run(int players, int boardCount, MonteCarloLimits limits, ParallelWork parallel,
        IProgress<EquityProgress>? progress, Stopwatch clock, Action<Xoshiro, int, MonteCarloTotals> runChunk)
    {
        var totals = new MonteCarloTotals(players, boardCount);
        var chunks = (limits.Trials + ChunkTrials - 1) / ChunkTrials;
        var started = clock.Elapsed;
        // A time limit ends the run between chunks, but never before one chunk has run: a result needs trials,
        // however short the limit and however busy the machine.
        var chunksRun = 0;
        bool TimeIsUp() => limits.TimeLimit is { } limit && Volatile.Read(ref chunksRun) > 0 && clock.Elapsed - started >= limit;

        // Reports come from worker threads and from this one: only ever report forward.
        var reported = (Fraction: 0.0, Trials: 0L);
        var progressGate = new object();
        void Report(double fraction, long trials)
        {
            if (progress is null)
            {
                return;
            }
            lock (progressGate)
            {
                reported = (Math.Max(reported.Fraction, fraction), Math.Max(reported.Trials, trials));
                progress.Report(new EquityProgress(reported.Fraction, reported.Trials));
            }
        }

        // How far the run has got: the larger of the share of trials, of the time limit, and (with a precision
        // target) of the trials the current standard error says are needed, (se / target)^2 times those done.
        double Fraction(long chunksDone, double stdErr)
        {
            var fraction = (double)chunksDone / chunks;
            if (limits.TimeLimit is { } limit)
            {
                fraction = Math.Max(fraction, (clock.Elapsed - started) / limit);
            }
            if (limits.TargetStdErr is { } target && double.IsFinite(stdErr) && stdErr > 0)
            {
                fraction = Math.Max(fraction, Math.Min(1, target * target / (stdErr * stdErr)));
            }
            return Math.Min(fraction, 1);
        }

        // Without a precision target the whole run is one pass (the time limit stops it between chunks, after a
        // prefix of them). With a target, the standard error is checked between batches whose boundaries never
        // depend on the thread count (16, 32, 64 … up to 1,024 chunks), so the answer does not either.
        var batch = limits.TargetStdErr is null ? chunks : 16;
        for (long next = 0; next < chunks;)
        {
            var first = next;
            var size = Math.Min(chunks - next, batch);
            var locals = parallel.Run(size, () => new MonteCarloTotals(players, boardCount), (item, local) =>
            {
                var chunk = first + item;
                var trials = (int)Math.Min(ChunkTrials, limits.Trials - chunk * ChunkTrials);
                runChunk(new Xoshiro(limits.Seed, (ulong)chunk), trials, local);
                Interlocked.Increment(ref chunksRun);
            }, progress is null ? null : f => Report(Fraction(first + (long)(f * size), double.NaN),
                Math.Min(limits.Trials, (first + (long)(f * size)) * ChunkTrials)), TimeIsUp);
            foreach (var local in locals)
            {
                totals.Merge(local);
            }
            next += size;
            batch = Math.Min(batch * 2, 1024);

            var stdErr = totals.MaxStdErrPercent();
            Report(Fraction(next, stdErr), totals.Trials);
            if ((limits.TargetStdErr is { } target && totals.Trials > 1 && stdErr <= target) || TimeIsUp())
            {
                break;
            }
        }
        return totals;
    }

    // The common case kept small enough for the JIT to hold its state in registers: one board, high only.
    private static void RunSingleBoardHighChunk(PreparedHand[] hands, Card[] board, Card[] sourceDeck, Xoshiro rng, int trials, MonteCarloTotals tally)
    {
        var players = hands.Length;
        var deck = new int[sourceDeck.Length];
        for (var i = 0; i < deck.Length; i++)
        {
            deck[i] = sourceDeck[i].Index;
        }
        var cards = new int[5];
        for (var i = 0; i < board.Length; i++)
        {
            cards[i] = board[i].Index;
        }
        var known = board.Length;
        var dealt = 5 - known;
        var wins = new long[players];
        var ties = new long[players];
        var tieUnits = new long[players];
        var tieSquares = new long[players];
        var values = new ushort[players];
        var sampler = new CardSampler(rng, deck, dealt);
        var block = ReadOnlySpan<int>.Empty;
        for (var t = 0; t < trials; t++)
        {
            var inBlock = t % CardSampler.BlockTrials;
            if (inBlock == 0)
            {
                block = sampler.Deal(Math.Min(CardSampler.BlockTrials, trials - t));
            }
            block.Slice(inBlock * dealt, dealt).CopyTo(cards.AsSpan(known));
            var summary = BoardSummary.Of(cards[0], cards[1], cards[2], cards[3], cards[4]);
            var best = 0;
            var winners = 0;
            var winner = 0;
            for (var p = 0; p < players; p++)
            {
                var value = hands[p].HighFromLookupTables(summary);
                values[p] = value;
                if (value > best)
                {
                    best = value;
                    winners = 1;
                    winner = p;
                }
                else if (value == best)
                {
                    winners++;
                }
            }
            if (winners == 1)
            {
                wins[winner]++;
                continue;
            }
            var each = BoardTally.Pot / winners;
            for (var p = 0; p < players; p++)
            {
                if (values[p] == best)
                {
                    ties[p]++;
                    tieUnits[p] += each;
                    tieSquares[p] += (long)each * each;
                }
            }
        }
        // A sole winner takes the pot; a tie paid each winner Pot / k, summed in tieUnits.
        var boardTally = tally.Boards[0];
        for (var p = 0; p < players; p++)
        {
            var share = wins[p] * BoardTally.Pot + tieUnits[p];
            tally.Share[p] += share;
            tally.Win[p] += wins[p];
            tally.Tie[p] += ties[p];
            boardTally.Share[p] += share;
            boardTally.Hi[p] += share;
            boardTally.Win[p] += wins[p];
            boardTally.Tie[p] += ties[p];
        }
        tally.Trials += trials;
        boardTally.Deals += trials;
        for (var p = 0; p < players; p++)
        {
            tally.SumSquares[p] += (Int128)wins[p] * BoardTally.Pot * BoardTally.Pot + tieSquares[p];
        }
    }

    /// <summary>
    /// The generic trial loop: <typeparamref name="TSource"/> deals each trial (the missing board cards, and the
    /// players' hands when they come from ranges) and evaluates the players; the pot accounting is shared. A
    /// struct type argument gets its own compiled copy, so the indirection costs nothing.
    /// </summary>
    private static void RunChunk<TSource>(ref TSource source, Card[][] boards, bool hiLo, int players, int trials, MonteCarloTotals tally)
        where TSource : struct, ITrialSource
    {
        var boardCount = boards.Length;
        var cards = new int[boardCount * 5];
        var known = new int[boardCount];
        for (var b = 0; b < boardCount; b++)
        {
            known[b] = boards[b].Length;
            for (var i = 0; i < boards[b].Length; i++)
            {
                cards[b * 5 + i] = boards[b][i].Index;
            }
        }
        var potTotal = BoardTally.Pot * boardCount;
        Span<ushort> hi = stackalloc ushort[players];
        Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
        Span<int> hiUnits = stackalloc int[players];
        Span<int> loUnits = stackalloc int[players];
        Span<int> total = stackalloc int[players];
        var sumSquares = new long[players];

        for (var t = 0; t < trials; t++)
        {
            source.Deal(cards, known);
            total.Clear();
            for (var b = 0; b < boardCount; b++)
            {
                var summary = BoardSummary.Of(cards[b * 5], cards[b * 5 + 1], cards[b * 5 + 2], cards[b * 5 + 3], cards[b * 5 + 4]);
                for (var p = 0; p < players; p++)
                {
                    hi[p] = source.High(p, summary);
                    if (hiLo)
                    {
                        lo[p] = source.Low(p, summary.LowMask);
                    }
                }
                Showdown.Resolve(hi, lo, hiUnits, loUnits);
                var boardTally = tally.Boards[b];
                for (var p = 0; p < players; p++)
                {
                    var share = hiUnits[p] + loUnits[p];
                    if (share == 0)
                    {
                        continue;
                    }
                    total[p] += share;
                    boardTally.Share[p] += share;
                    boardTally.Lo[p] += loUnits[p];
                    if (share == BoardTally.Pot)
                    {
                        boardTally.Win[p]++;
                    }
                    else
                    {
                        boardTally.Tie[p]++;
                    }
                }
            }
            for (var p = 0; p < players; p++)
            {
                var share = total[p];
                if (share == 0)
                {
                    continue;
                }
                tally.Share[p] += share;
                sumSquares[p] += (long)share * share;
                if (share == potTotal)
                {
                    tally.Win[p]++;
                }
                else
                {
                    tally.Tie[p]++;
                }
            }
        }
        tally.Trials += trials;
        for (var p = 0; p < players; p++)
        {
            tally.SumSquares[p] += sumSquares[p];
        }
        foreach (var board in tally.Boards)
        {
            board.Deals += trials;
            // Whatever a board's pot did not pay to the low, it paid to the high.
            for (var p = 0; p < players; p++)
            {
                board.Hi[p] = board.Share[p] - board.Lo[p];
            }
        }
    }
}

/// <summary>Integer sums of a Monte Carlo run (or of one chunk of it).</summary>
internal sealed class MonteCarloTotals
{
    public MonteCarloTotals(int players, int boards)
    {
        Share = new long[players];
        SumSquares = new Int128[players];
        Win = new long[players];
        Tie = new long[players];
        Boards = new BoardTally[boards];
        for (var b = 0; b < boards; b++)
        {
            Boards[b] = new BoardTally(players);
        }
    }

    public long Trials { get; set; }

    /// <summary>Pot units won over all boards.</summary>
    public long[] Share { get; }

    /// <summary>Sum over trials of the squared pot units won, for the standard error.</summary>
    public Int128[] SumSquares { get; }

    /// <summary>Trials in which the player won everything alone.</summary>
    public long[] Win { get; }

    /// <summary>Trials in which the player won part of the pot.</summary>
    public long[] Tie { get; }

    public BoardTally[] Boards { get; }

    public int PotUnits => BoardTally.Pot * Boards.Length;

    public void Merge(MonteCarloTotals other)
    {
        Trials += other.Trials;
        for (var p = 0; p < Share.Length; p++)
        {
            Share[p] += other.Share[p];
            SumSquares[p] += other.SumSquares[p];
            Win[p] += other.Win[p];
            Tie[p] += other.Tie[p];
        }
        for (var b = 0; b < Boards.Length; b++)
        {
            Boards[b].Merge(other.Boards[b]);
        }
    }

    /// <summary>Standard error of the player's equity, in percentage points.</summary>
    public double StdErrPercent(int player)
    {
        if (Trials < 2)
        {
            return double.PositiveInfinity;
        }
        double n = Trials;
        var mean = Share[player] / (n * PotUnits);
        var meanSquare = (double)SumSquares[player] / (n * PotUnits * PotUnits);
        var variance = Math.Max(0, meanSquare - mean * mean) * n / (n - 1);
        return 100 * Math.Sqrt(variance / n);
    }

    public double MaxStdErrPercent()
    {
        var max = 0.0;
        for (var p = 0; p < Share.Length; p++)
        {
            max = Math.Max(max, StdErrPercent(p));
        }
        return max;
    }
}

/// <summary>
/// Deals distinct random cards by rejection: six random bits pick a deck position, retried when past the deck's
/// end or already dealt this trial. Ten picks come from one 64-bit word and no deck is shuffled. Each accepted
/// pick is uniform over the positions not yet dealt, so every trial's cards are a uniform sample. Cards are dealt
/// for a block of trials at a time, in tight loops whose state stays in registers.
/// </summary>
internal sealed class CardSampler
{
    public const int BlockTrials = 512;

    private readonly int _perTrial;
    private readonly int _deckLength;
    private readonly int[] _deck = new int[64]; // padded to 64 so any six-bit pick can be read without a check
    private readonly ulong[] _words;
    private readonly int[] _cards;
    private Xoshiro _rng;

    public CardSampler(Xoshiro rng, int[] deck, int perTrial)
    {
        _rng = rng;
        _perTrial = perTrial;
        _deckLength = deck.Length;
        deck.CopyTo(_deck, 0);
        _words = new ulong[BlockTrials * perTrial / 4 + 16];
        _cards = new int[BlockTrials * perTrial + 1];
    }

    private int _next = BlockTrials;

    /// <summary>The next trial's cards, dealing a new block when the current one is used up.</summary>
    public ReadOnlySpan<int> Next()
    {
        if (_next == BlockTrials)
        {
            Deal(BlockTrials);
            _next = 0;
        }
        return _cards.AsSpan(_perTrial * _next++, _perTrial);
    }

    /// <summary>Deals <paramref name="trials"/> (at most <see cref="BlockTrials"/>) trials' cards, perTrial each.</summary>
    public ReadOnlySpan<int> Deal(int trials)
    {
        var output = _cards;
        var deck = _deck;
        var words = _words;
        var length = _deckLength;
        var perTrial = _perTrial;
        var end = trials * perTrial;
        _rng.Fill(words);
        var word = 0;
        var bits = 0UL;
        var picksLeft = 0;
        var written = 0;
        while (written < end)
        {
            var trialEnd = written + perTrial;
            var dealt = 0UL;
            while (written < trialEnd)
            {
                if (picksLeft == 0)
                {
                    if (word == words.Length)
                    {
                        _rng.Fill(words);
                        word = 0;
                    }
                    bits = words[word++];
                    picksLeft = 10;
                }
                var position = (int)(bits & 63);
                bits >>= 6;
                picksLeft--;
                // Branch-free accept: write the card anyway, advance only when the pick is new and in the deck.
                var accept = (position < length ? 1 : 0) & (int)(~(dealt >> position) & 1);
                output[written] = deck[position];
                dealt |= (ulong)accept << position;
                written += accept;
            }
        }
        return output.AsSpan(0, end);
    }
}

/// <summary>What the trial loop needs from a way of dealing: the missing cards of each trial and the players'
/// values on a board.</summary>
internal interface ITrialSource
{
    /// <summary>Deals one trial: fills each board's missing cards (board b is cards[5b..5b+5), its first
    /// <paramref name="known"/>[b] cards already there).</summary>
    public void Deal(int[] cards, int[] known);

    public ushort High(int player, in BoardSummary board);

    public ushort Low(int player, int boardLowMask);
}

/// <summary>Known hands: the board cards come from the block sampler, values from the hands' own tables.</summary>
internal struct KnownHands(PreparedHand[] hands, CardSampler sampler) : ITrialSource
{
    public readonly void Deal(int[] cards, int[] known)
    {
        var drawn = sampler.Next();
        var position = 0;
        for (var b = 0; b < known.Length; b++)
        {
            for (var i = known[b]; i < 5; i++)
            {
                cards[b * 5 + i] = drawn[position++];
            }
        }
    }

    public readonly ushort High(int player, in BoardSummary board) => hands[player].HighFromLookupTables(board);

    public readonly ushort Low(int player, int boardLowMask) => hands[player].Low(boardLowMask);
}
