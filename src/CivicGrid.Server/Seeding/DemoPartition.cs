namespace CivicGrid.Server.Seeding;

/// <summary>Divides a set of land cells into compact parts by recursive bisection (a k-d split): each cut is a straight
/// line between whole columns (or rows) across the longer side of the piece, so parts stay connected; west comes before
/// east and north before south, so the parts come out in reading order and their codes run west→east, north→south.</summary>
internal static class DemoPartition
{
    /// <summary>Cell width and height in kilometres at 20° N, to decide which side of a piece is longer.</summary>
    private const double CellWidthKm = 0.879;
    private const double CellHeightKm = 0.852;

    /// <summary>Splits <paramref name="cells"/> into <paramref name="shares"/>.Count parts whose weights are roughly
    /// proportional to the shares; each part gets at least as many cells as its share (so a street with ten
    /// communities can be split into ten again).</summary>
    /// <exception cref="InvalidOperationException">There are fewer cells than the shares add up to.</exception>
    public static List<List<LandCell>> Split(IReadOnlyList<LandCell> cells, IReadOnlyList<int> shares)
    {
        if (cells.Count < Sum(shares, 0, shares.Count))
        {
            throw new InvalidOperationException($"Cannot divide {cells.Count} land cells into parts of at least {string.Join("+", shares)} cells.");
        }

        var parts = new List<List<LandCell>>(shares.Count);
        SplitInto(parts, [.. cells], shares, 0, shares.Count);
        return parts;
    }

    private static void SplitInto(List<List<LandCell>> parts, List<LandCell> cells, IReadOnlyList<int> shares, int first, int end)
    {
        if (end - first == 1)
        {
            parts.Add(cells);
            return;
        }

        var middle = (first + end) / 2;
        var (leftParts, rightParts) = (Sum(shares, first, middle), Sum(shares, middle, end));
        var target = (double)cells.Sum(c => c.Weight) * leftParts / (leftParts + rightParts);
        var wide = IsWide(cells);
        var cut = StraightCut(cells, wide, target, leftParts, rightParts) ?? StraightCut(cells, !wide, target, leftParts, rightParts);
        if (cut is null)
        {
            // No straight line leaves enough cells on both sides: cut inside a column (or row) instead.
            Sort(cells, wide);
            cut = Math.Clamp(NearestCut(cells, target, _ => true), leftParts, cells.Count - rightParts);
        }

        SplitInto(parts, cells[..cut.Value], shares, first, middle);
        SplitInto(parts, cells[cut.Value..], shares, middle, end);
    }

    /// <summary>The cut between whole columns (or whole rows) whose western (northern) side weighs nearest the target,
    /// leaving each side at least its share in cells; null when there is none. Sorts the cells.</summary>
    private static int? StraightCut(List<LandCell> cells, bool byColumn, double target, int leftParts, int rightParts)
    {
        Sort(cells, byColumn);
        int Line(LandCell cell) => byColumn ? cell.Column : cell.Row;
        var cut = NearestCut(cells, target, i => i >= leftParts && cells.Count - i >= rightParts && Line(cells[i - 1]) != Line(cells[i]));
        return cut > 0 ? cut : null;
    }

    /// <summary>The index 1..n-1 allowed by <paramref name="allowed"/> whose prefix weight is nearest the target, or 0.</summary>
    private static int NearestCut(List<LandCell> cells, double target, Func<int, bool> allowed)
    {
        var (best, bestDistance) = (0, double.MaxValue);
        double weight = cells[0].Weight;
        for (var i = 1; i < cells.Count; weight += cells[i].Weight, i++)
        {
            if (Math.Abs(weight - target) < bestDistance && allowed(i)) (best, bestDistance) = (i, Math.Abs(weight - target));
        }

        return best;
    }

    private static bool IsWide(List<LandCell> cells)
    {
        int minColumn = int.MaxValue, maxColumn = int.MinValue, minRow = int.MaxValue, maxRow = int.MinValue;
        foreach (var cell in cells)
        {
            minColumn = Math.Min(minColumn, cell.Column);
            maxColumn = Math.Max(maxColumn, cell.Column);
            minRow = Math.Min(minRow, cell.Row);
            maxRow = Math.Max(maxRow, cell.Row);
        }

        return (maxColumn - minColumn + 1) * CellWidthKm >= (maxRow - minRow + 1) * CellHeightKm;
    }

    /// <summary>West→east then north→south (by column), or north→south then west→east (by row).</summary>
    private static void Sort(List<LandCell> cells, bool byColumn) => cells.Sort(byColumn
        ? (a, b) => a.Column != b.Column ? a.Column.CompareTo(b.Column) : b.Row.CompareTo(a.Row)
        : (a, b) => a.Row != b.Row ? b.Row.CompareTo(a.Row) : a.Column.CompareTo(b.Column));

    private static int Sum(IReadOnlyList<int> values, int first, int end)
    {
        var sum = 0;
        for (var i = first; i < end; i++) sum += values[i];
        return sum;
    }
}
