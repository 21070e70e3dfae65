using CivicGrid.Data;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>At start-up (after the migration and the shipped standards): names every active type that intake will not
/// offer because it has no case standard, so the administrator knows to save one (docs/adr/0014).</summary>
public sealed partial class UnofferedTypesReport(IServiceScopeFactory scopes, ILogger<UnofferedTypesReport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var codes = await OfferedTypes.WithoutStandardAsync(db, cancellationToken);
        if (codes.Count > 0) LogUnoffered(logger, codes.Count, string.Join(", ", codes));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} active catalogue types have no case standard (立结案标准) and are not offered for reports until one is saved: {Codes}")]
    private static partial void LogUnoffered(ILogger logger, int count, string codes);
}
