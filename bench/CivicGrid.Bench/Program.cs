using CivicGrid.Bench;

// Benchmarks, not tests: each reports its figure next to a baseline measured in the same run (docs/performance.md).
//   dotnet run -c Release --project bench/CivicGrid.Bench -- [lookup] [import] [--rows N]
var which = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
if (which.Count == 0 || which.Contains("lookup")) GridLookupBench.Run();
if (which.Count == 0 || which.Contains("import")) await ComponentImportBench.RunAsync(rows);
