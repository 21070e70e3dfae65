using System.CommandLine;

namespace CivicGrid.Server.Cli;

/// <summary>The CLI verbs of the one executable: `CivicGrid.Server migrate`, `seed demo --scale city`, …</summary>
public static class CliApp
{
    private static Command[] Verbs() =>
    [
        MigrateVerb.Create(),
        SeedVerb.Create(),
        ImportVerb.Create(),
        ExportVerb.Create(),
        AuditVerb.Create(),
        BackupVerb.CreateBackup(),
        BackupVerb.CreateRestore(),
        Features.Evaluation.EvaluateVerb.Create(),
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
