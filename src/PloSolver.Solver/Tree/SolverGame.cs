using System.Numerics;

namespace PloSolver.Solver;

/// <summary>
/// A two-player zero-sum game with private hands, as the solver sees it: each player's hands (card masks, all of
/// one size) with prior weights, and the public tree. Hands that share a card never meet: the joint prior is
/// proportional to the product of the weights over pairs of disjoint hands.
/// </summary>
internal sealed class SolverGame
{
    public SolverGame(ulong[][] hands, float[][] weights, Node root, double startingPot)
    {
        Hands = hands;
        Weights = weights;
        Root = root;
        StartingPot = startingPot;
        HandSize = BitOperations.PopCount(hands[0][0]);
        Removal = new CardRemoval(hands);
        HandsWithCard = new int[2][][];
        for (var p = 0; p < 2; p++)
        {
            var lists = new List<int>[64];
            for (var c = 0; c < 64; c++)
            {
                lists[c] = [];
            }
            for (var h = 0; h < hands[p].Length; h++)
            {
                for (var m = hands[p][h]; m != 0; m &= m - 1)
                {
                    lists[BitOperations.TrailingZeroCount(m)].Add(h);
                }
            }
            HandsWithCard[p] = [.. lists.Select(l => l.ToArray())];
        }
        NodeCount = CountNodes(root);
        Root.Work = ComputeWork(root);
    }

    public ulong[][] Hands { get; }

    public float[][] Weights { get; }

    public int HandSize { get; }

    public Node Root { get; }

    /// <summary>The pot at the root; exploitability is reported as a share of it.</summary>
    public double StartingPot { get; }

    public CardRemoval Removal { get; }

    /// <summary>For each player and card, the player's hands holding the card.</summary>
    public int[][][] HandsWithCard { get; }

    public (int Action, int Chance, int Terminal) NodeCount { get; }

    public int HandCount(int player) => Hands[player].Length;

    /// <summary>Bytes of the per-hand solver state: regrets and strategy sums for every decision.</summary>
    public long StateBytes()
    {
        var bytes = 0L;
        Visit(Root, node =>
        {
            if (node is ActionNode a)
            {
                bytes += 2L * sizeof(float) * a.Actions.Length * HandCount(a.Player);
            }
        });
        return bytes;
    }

    public static void Visit(Node node, Action<Node> visit)
    {
        visit(node);
        switch (node)
        {
            case ActionNode a:
                foreach (var child in a.Children)
                {
                    Visit(child, visit);
                }
                break;
            case ChanceNode c:
                foreach (var child in c.Children)
                {
                    Visit(child, visit);
                }
                break;
        }
    }

    private static (int, int, int) CountNodes(Node root)
    {
        int action = 0, chance = 0, terminal = 0;
        Visit(root, node =>
        {
            switch (node)
            {
                case ActionNode:
                    action++;
                    break;
                case ChanceNode:
                    chance++;
                    break;
                default:
                    terminal++;
                    break;
            }
        });
        return (action, chance, terminal);
    }

    // Work of a node: a decision touches actions × hands floats several times, a terminal sweeps both players'
    // hands through the card-removal sums.
    private long ComputeWork(Node node)
    {
        switch (node)
        {
            case ActionNode a:
                var work = (long)a.Actions.Length * HandCount(a.Player);
                foreach (var child in a.Children)
                {
                    child.Work = ComputeWork(child);
                    work += child.Work;
                }
                return work;
            case ChanceNode c:
                var sum = (long)c.Children.Length * (HandCount(0) + HandCount(1));
                foreach (var child in c.Children)
                {
                    child.Work = ComputeWork(child);
                    sum += child.Work;
                }
                return sum;
            default:
                return (long)(HandCount(0) + HandCount(1)) * Removal.SubsetsPerHand;
        }
    }
}
