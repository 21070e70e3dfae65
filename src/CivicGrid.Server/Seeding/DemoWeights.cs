namespace CivicGrid.Server.Seeding;

/// <summary>Weighted random choice over running totals of weights.</summary>
internal static class DemoWeights
{
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }

    /// <summary>The index i with cumulative[i - 1] ≤ x &lt; cumulative[i] for a uniform x below the total (zero weights never win).</summary>
    public static int Pick(double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > x) high = middle;
            else low = middle + 1;
        }

        return low;
    }
}
