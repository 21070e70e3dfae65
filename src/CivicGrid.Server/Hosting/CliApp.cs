using System.CommandLine;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Interchange;
using CivicGrid.Server.Platform.Backup;
using CivicGrid.Server.Seeding;

namespace CivicGrid.Server.Hosting;

/// <summary>The CLI verbs of the one executable: `CivicGrid.Server migrate`, `seed demo --scale city`, …</summary>
public static class CliApp
{
    private static Command[] Verbs() =>
    [
        MigrateVerb.Create(CliHost.RunAsync),
        SeedVerb.Create(CliHost.RunAsync),
        ImportVerb.Create(CliHost.RunAsync),
        ExportVerb.Create(CliHost.RunAsync),
        AuditVerb.Create(CliHost.RunAsync),
        BackupVerb.CreateBackup(CliHost.RunAsync),
        BackupVerb.CreateRestore(CliHost.RunAsync),
        Features.Evaluation.EvaluateVerb.Create(CliHost.RunAsync),
    ];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && Verbs().Any(verb => verb.Name == args[0] || args[0] is "--help" or "-h" or "help");

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CivicGrid digital city-management platform. Without a verb it serves the platform.");
        foreach (var verb in Verbs()) root.Subcommands.Add(verb);
        return await root.Parse(args is ["help", ..] ? ["--help"] : args).InvokeAsync();
    }
}
