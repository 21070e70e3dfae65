using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;

namespace CivicGrid.Server.Tests.Infrastructure;

/// <summary>A step observer (in every <see cref="CityHost{TDatabase}"/>) that breaks the "register" step of any case
/// whose description contains <see cref="Marker"/>, so tests can see what a failing step leaves behind.</summary>
public sealed class FailingRegisterObserver : ICaseStepObserver
{
    public const string Marker = "FAILSTEP";

    public ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken) =>
        entry.Action == "register" && @case.Description.Contains(Marker, StringComparison.Ordinal)
            ? throw new InvalidOperationException("The test observer breaks this step.")
            : ValueTask.CompletedTask;
}
