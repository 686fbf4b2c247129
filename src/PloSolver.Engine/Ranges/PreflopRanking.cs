using System.Buffers.Binary;
using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// The preflop ranking behind <c>N%</c> and <c>A%-B%</c> ranges: every hand of a game, strongest first, by its
/// equity against one random hand. Hands that differ only by a renaming of suits are one class (16,432 for PLO4,
/// 134,459 for PLO5); the shipped resource holds one equity per class, in ascending order of the class key, and
/// <see cref="PreflopRankingGenerator"/> rebuilds it. Classes rank by equity, ties by key, so the order is fixed.
/// </summary>
internal sealed class PreflopRanking
{
    private const uint Magic = 0x4B4E5250; // "PRNK"
    private static readonly Lazy<PreflopRanking?>[] Rankings =
        [.. Enum.GetValues<Game>().Select(game => new Lazy<PreflopRanking?>(() => Load(game)))];

    // CombosAbove[combo index] = how many hands of the game rank strictly above the hand's class.
    private readonly int[] _combosAbove;

    private PreflopRanking(Game game, int[] combosAbove)
    {
        Game = game;
        _combosAbove = combosAbove;
        Total = combosAbove.Length;
    }

    public Game Game { get; }

    /// <summary>Hands in the game (270,725 for PLO4).</summary>
    public int Total { get; }

    /// <summary>The ranking of a game, or null when none is shipped for it.</summary>
    public static PreflopRanking? For(Game game) => Rankings[Array.IndexOf(Enum.GetValues<Game>(), game)].Value;

    /// <summary>The games with a shipped ranking, for error messages.</summary>
    public static IEnumerable<Game> Available => Enum.GetValues<Game>().Where(g => ResourceName(g) is { } name
        && typeof(PreflopRanking).Assembly.GetManifestResourceInfo(name) is not null);

    /// <summary>Marks every hand whose class has at least <paramref name="fromPercent"/> and less than
    /// <paramref name="toPercent"/> percent of all hands ranked above it (the top N% is 0 to N).</summary>
    public void Select(double fromPercent, double toPercent, ulong[] bits)
    {
        var from = fromPercent / 100 * Total;
        var to = toPercent / 100 * Total;
        var above = _combosAbove;
        for (var i = 0; i < above.Length; i++)
        {
            if (above[i] >= from && above[i] < to)
            {
                bits[i >> 6] |= 1UL << i;
            }
        }
    }

    /// <summary>The suit-isomorphism class key of a hand: its four per-suit rank masks, sorted, packed.</summary>
    public static ulong ClassKey(ulong hand)
    {
        // Card c is rank c/4 of suit c%4: gather each suit's ranks, then sort the four masks with a network.
        ulong a = 0, b = 0, c = 0, d = 0;
        for (var m = hand; m != 0; m &= m - 1)
        {
            var card = BitOperations.TrailingZeroCount(m);
            var rank = 1UL << (card >> 2);
            switch (card & 3)
            {
                case 0: a |= rank; break;
                case 1: b |= rank; break;
                case 2: c |= rank; break;
                default: d |= rank; break;
            }
        }
        Order(ref a, ref b);
        Order(ref c, ref d);
        Order(ref a, ref c);
        Order(ref b, ref d);
        Order(ref b, ref c);
        return d << 39 | c << 26 | b << 13 | a;
    }

    private static void Order(ref ulong low, ref ulong high)
    {
        if (low > high)
        {
            (low, high) = (high, low);
        }
    }

    /// <summary>Every class of a game in ascending key order, each with one hand of it and its number of hands.</summary>
    public static (ulong[] Keys, ulong[] Representatives, int[] Sizes) Classes(Game game)
    {
        var byKey = new Dictionary<ulong, (ulong Hand, int Size)>();
        ComboIndex.ForEach(game.HoleCards(), (_, hand) =>
        {
            var key = ClassKey(hand);
            byKey[key] = byKey.TryGetValue(key, out var entry) ? (entry.Hand, entry.Size + 1) : (hand, 1);
        });
        var keys = byKey.Keys.Order().ToArray();
        return (keys, [.. keys.Select(k => byKey[k].Hand)], [.. keys.Select(k => byKey[k].Size)]);
    }

    internal static string? ResourceName(Game game) => $"PloSolver.Engine.preflop-ranking-{Games.Name(game)}.bin";

    /// <summary>The resource: magic, class count, then one equity per class (fraction × 65,535).</summary>
    internal static byte[] Serialize(ushort[] equities)
    {
        var bytes = new byte[8 + 2 * equities.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), equities.Length);
        for (var i = 0; i < equities.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8 + 2 * i), equities[i]);
        }
        return bytes;
    }

    internal static ushort[] Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new InvalidDataException("the preflop ranking resource is damaged");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (bytes.Length != 8 + 2 * count)
        {
            throw new InvalidDataException("the preflop ranking resource is damaged");
        }
        var equities = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            equities[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(8 + 2 * i)..]);
        }
        return equities;
    }

    private static PreflopRanking? Load(Game game)
    {
        using var stream = typeof(PreflopRanking).Assembly.GetManifestResourceStream(ResourceName(game)!);
        if (stream is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromEquities(game, Deserialize(buffer.ToArray()));
    }

    /// <summary>Builds the per-hand lookup from one equity per class (classes in ascending key order), in one
    /// pass over the game's hands.</summary>
    internal static PreflopRanking FromEquities(Game game, ushort[] equities)
    {
        // Classes numbered as first met; then renumbered in key order, the order of the resource.
        var holeCards = game.HoleCards();
        var classOfHand = new int[ComboIndex.Count(holeCards)];
        var idOfKey = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        var sizes = new List<int>();
        ComboIndex.ForEach(holeCards, (index, hand) =>
        {
            var key = ClassKey(hand);
            if (!idOfKey.TryGetValue(key, out var id))
            {
                id = keys.Count;
                idOfKey[key] = id;
                keys.Add(key);
                sizes.Add(0);
            }
            sizes[id]++;
            classOfHand[index] = id;
        });
        if (keys.Count != equities.Length)
        {
            throw new InvalidDataException($"the preflop ranking of {Games.Name(game)} has {equities.Length} classes, expected {keys.Count}");
        }
        var byKey = Enumerable.Range(0, keys.Count).OrderBy(id => keys[id]).ToArray(); // resource position -> id
        var equityOf = new ushort[keys.Count];
        for (var position = 0; position < byKey.Length; position++)
        {
            equityOf[byKey[position]] = equities[position];
        }
        // Strongest first; equal equities in key order.
        var order = Enumerable.Range(0, keys.Count).OrderByDescending(id => equityOf[id]).ThenBy(id => keys[id]);
        var above = new int[keys.Count];
        var running = 0;
        foreach (var id in order)
        {
            above[id] = running;
            running += sizes[id];
        }
        for (var i = 0; i < classOfHand.Length; i++)
        {
            classOfHand[i] = above[classOfHand[i]];
        }
        return new PreflopRanking(game, classOfHand);
    }
}
