namespace CivicGrid.Server.Hosting;

/// <summary>Flags of the run command that are not configuration keys.</summary>
public sealed record StartupFlags(bool NoDemo, string[] RemainingArgs)
{
    public static StartupFlags Parse(string[] args) =>
        new(args.Contains("--no-demo"), args.Where(a => a != "--no-demo").ToArray());
}
