namespace PloSolver.Solver;

/// <summary>
/// One final board: each player's hands that do not touch it, sorted by showdown value (weakest first), worked
/// out once per board and shared by every showdown on it.
/// </summary>
internal sealed class ShowdownBoard
{
    public ShowdownBoard(ulong board, ulong[][] hands, Func<ulong, ulong, int> value)
    {
        Board = board;
        Order = new int[2][];
        Values = new int[2][];
        for (var p = 0; p < 2; p++)
        {
            var live = new List<(int Value, int Hand)>(hands[p].Length);
            for (var h = 0; h < hands[p].Length; h++)
            {
                if ((hands[p][h] & board) == 0)
                {
                    live.Add((value(hands[p][h], board), h));
                }
            }
            live.Sort();
            Order[p] = [.. live.Select(x => x.Hand)];
            Values[p] = [.. live.Select(x => x.Value)];
        }
    }

    public ulong Board { get; }

    /// <summary>Per player: hands off the board, weakest first.</summary>
    public int[][] Order { get; }

    /// <summary>Per player: the showdown values aligned with <see cref="Order"/>.</summary>
    public int[][] Values { get; }
}
