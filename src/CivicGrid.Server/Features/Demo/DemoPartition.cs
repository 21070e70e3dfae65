namespace CivicGrid.Server.Features.Demo;

/// <summary>Divides a set of land cells into contiguous, compact parts by recursive bisection (a k-d split): each
/// cut runs across the longer side of the piece, west before east and north before south, so the parts come out
/// in reading order and their codes run west→east, north→south.</summary>
internal static class DemoPartition
{
    /// <summary>Cell width and height in kilometres at 20° N, to decide which side of a piece is longer.</summary>
    private const double CellWidthKm = 0.879;
    private const double CellHeightKm = 0.852;

    /// <summary>Splits <paramref name="cells"/> into <paramref name="shares"/>.Count non-empty parts whose weights are
    /// roughly proportional to the shares.</summary>
    /// <exception cref="InvalidOperationException">There are fewer cells than parts.</exception>
    public static List<List<LandCell>> Split(IReadOnlyList<LandCell> cells, IReadOnlyList<int> shares)
    {
        if (cells.Count < shares.Count)
        {
            throw new InvalidOperationException($"Cannot divide {cells.Count} land cells into {shares.Count} parts.");
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
        var leftShare = Sum(shares, first, middle);
        var allShare = leftShare + Sum(shares, middle, end);
        SortAcrossLongerSide(cells);

        var totalWeight = cells.Sum(c => c.Weight);
        var target = (double)totalWeight * leftShare / allShare;
        var cut = 0;
        double weight = 0;
        while (cut < cells.Count && weight + cells[cut].Weight / 2.0 <= target)
        {
            weight += cells[cut].Weight;
            cut++;
        }

        cut = Math.Clamp(cut, middle - first, cells.Count - (end - middle));
        SplitInto(parts, cells[..cut], shares, first, middle);
        SplitInto(parts, cells[cut..], shares, middle, end);
    }

    private static void SortAcrossLongerSide(List<LandCell> cells)
    {
        int minColumn = int.MaxValue, maxColumn = int.MinValue, minRow = int.MaxValue, maxRow = int.MinValue;
        foreach (var cell in cells)
        {
            minColumn = Math.Min(minColumn, cell.Column);
            maxColumn = Math.Max(maxColumn, cell.Column);
            minRow = Math.Min(minRow, cell.Row);
            maxRow = Math.Max(maxRow, cell.Row);
        }

        var wide = (maxColumn - minColumn + 1) * CellWidthKm >= (maxRow - minRow + 1) * CellHeightKm;
        cells.Sort(wide
            ? (a, b) => a.Column != b.Column ? a.Column.CompareTo(b.Column) : b.Row.CompareTo(a.Row)
            : (a, b) => a.Row != b.Row ? b.Row.CompareTo(a.Row) : a.Column.CompareTo(b.Column));
    }

    private static int Sum(IReadOnlyList<int> values, int first, int end)
    {
        var sum = 0;
        for (var i = first; i < end; i++) sum += values[i];
        return sum;
    }
}
