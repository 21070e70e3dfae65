using CivicGrid.Bench;

// Benchmarks, not tests: each reports its figure next to a baseline measured in the same run (docs/performance.md).
//   dotnet run -c Release --project bench/CivicGrid.Bench -- [lookup] [import] [creations] [map] [evaluation] [open311] [--rows N]
//     [--requests N] [--scale small|city|megacity]   (map: viewports per variant, demo scale seeded) [--cases N]
//     [--concurrency N] [--seconds N] [--rounds N] [--warmup SECONDS]   (creations: each variant's warm-up before the counted rounds)
//     [--check]   (evaluation: fail when a figure of record is off by more than 3×)
//     [--only VARIANT-PREFIX[|PREFIX…]]   (only these variants, e.g. to compare two or to attach a profiler)
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var scale = args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault() ?? "city";
var which = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _) && a != only && a != scale).ToHashSet();
int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
if (which.Count == 0 || which.Contains("lookup")) GridLookupBench.Run();
if (which.Count == 0 || which.Contains("import")) await ComponentImportBench.RunAsync(Option("--rows", 1_000_000));
if (which.Count == 0 || which.Contains("creations"))
    await CaseCreationBench.RunAsync(Option("--concurrency", 32), TimeSpan.FromSeconds(Option("--seconds", 4)), Option("--rounds", 3),
        TimeSpan.FromSeconds(Option("--warmup", 15)), only);
// open311: Open311 reads at 10 k cases and at --cases N (default 5 M) of history; not in the default set (it writes GBs).
if (which.Contains("open311")) await Open311ReadBench.RunAsync(Option("--cases", 5_000_000), TimeSpan.FromSeconds(Option("--seconds", 4)));
if (which.Count == 0 || which.Contains("map")) await MapViewportBench.RunAsync(Option("--requests", 400), scale);
// evaluation --check: exit code 1 when a figure of record (docs/performance.md) is off by more than 3×.
if (which.Contains("evaluation") && !await EvaluationBench.RunAsync(Option("--cases", 7_000_000), Option("--rounds", 3), args.Contains("--check")))
{
    Environment.ExitCode = 1;
}
