namespace CivicGrid.Server.Platform.Cli;

/// <summary>Runs the body of a CLI verb with the platform's services and turns a bad setting or a bad file into a
/// message and a non-zero exit code. The composition root supplies it (<c>Hosting/CliHost.RunAsync</c>), so a verb
/// that lives with its feature needs nothing from Hosting (ADR 0014).</summary>
public delegate Task<int> VerbRunner(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken);
