namespace PloSolver.Solver;

/// <summary>
/// One final board: each player's hands that do not touch it, sorted by showdown value (weakest first), worked
/// out once per board (<see cref="Prepare"/>) and shared by every showdown on it.
/// </summary>
internal sealed class ShowdownBoard(ulong board)
{
    public ulong Board { get; } = board;

    /// <summary>Per player: hands off the board, weakest first.</summary>
    public int[][] Order { get; private set; } = [[], []];

    /// <summary>Per player: the showdown values aligned with <see cref="Order"/>.</summary>
    public int[][] Values { get; private set; } = [[], []];

    public bool IsPrepared { get; private set; }

    /// <summary>Sorts both players' hands on this board by <paramref name="value"/> (player, hand index).</summary>
    public ShowdownBoard Prepare(ulong[][] hands, Func<int, int, int> value)
    {
        var order = new int[2][];
        var values = new int[2][];
        for (var p = 0; p < 2; p++)
        {
            var live = new List<(int Value, int Hand)>(hands[p].Length);
            for (var h = 0; h < hands[p].Length; h++)
            {
                if ((hands[p][h] & Board) == 0)
                {
                    live.Add((value(p, h), h));
                }
            }
            live.Sort();
            order[p] = [.. live.Select(x => x.Hand)];
            values[p] = [.. live.Select(x => x.Value)];
        }
        Order = order;
        Values = values;
        IsPrepared = true;
        return this;
    }
}
