namespace CivicGrid.Bench;

public static class ComponentImportBench
{
    public static Task RunAsync(int rows)
    {
        Console.WriteLine($"(import bench with {rows:N0} rows: added once the importer lands)");
        return Task.CompletedTask;
    }
}
