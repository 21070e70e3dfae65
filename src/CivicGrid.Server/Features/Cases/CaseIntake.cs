using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The one intake path of every channel: validate, convert the position to WGS-84, locate the grid chain,
/// honour the Idempotency-Key (as <see cref="Idempotency"/> decides), then hand the report to the <see cref="CaseWriter"/>, which links duplicates, numbers the
/// case and writes case + first history entry (+ idempotency record) in one transaction.</summary>
public sealed partial class CaseIntake(
    CivicGridDbContext db, GridLocator locator, CityPlaces places, CatalogueTypeCheck types, CaseWriter writer, Idempotency idempotencyKeys, ILogger<CaseIntake> logger)
{
    public async Task<IntakeOutcome> SubmitAsync(IntakeRequest request, Actor actor, IdempotencyKey? idempotency, CancellationToken cancellationToken,
        IIntakeCompanion? companion = null)
    {
        using var entered = idempotency is null ? null : idempotencyKeys.Enter(idempotency);
        // A repeated key is answered by the writer, which reads the keys of a whole batch at once, so a first request
        // costs no read of its own here. A repeat that no longer validates (its type was withdrawn since) is still
        // answered with the case it created.
        ReportDetails report;
        try
        {
            report = await ValidateAsync(request, cancellationToken);
        }
        catch (IntakeValidationException) when (idempotency is not null)
        {
            if (await ReplayAsync(idempotency, cancellationToken) is { } replayed) return replayed;
            throw;
        }
        IntakeOutcome outcome;
        try
        {
            outcome = await writer.WriteAsync(report, actor, idempotency, companion);
        }
        catch (DbUpdateException) when (idempotency is not null)
        {
            // Another instance stored the same key first: answer as a replay of its case (or 422 for another body).
            return await ReplayAsync(idempotency, cancellationToken)
                ?? throw new IdempotencyConflictException("A request with this Idempotency-Key is still being processed.", inFlight: true);
        }
        catch (InvalidOperationException)
        {
            if (await db.Cities.AnyAsync(cancellationToken)) throw;
            throw new IntakeValidationException(FieldErrors.One("city", "No city is set up yet: import boundaries or seed the demo city."));
        }
        var (@case, kind) = (outcome.Case, outcome.Kind);
        LogIntake(logger, @case.Number, kind, request.Channel);
        return new IntakeOutcome(@case, kind);
    }

    private async Task<IntakeOutcome?> ReplayAsync(IdempotencyKey idempotency, CancellationToken cancellationToken)
    {
        var stored = await Idempotency.StoredAsync(db, [(idempotency.Scope, idempotency.Key)], cancellationToken);
        if (!stored.TryGetValue((idempotency.Scope, idempotency.Key), out var record)) return null;
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == record.CaseId, cancellationToken);
        return Idempotency.Answer(idempotency, record, @case);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {CaseNumber} taken in ({Outcome}) from channel {Channel}")]
    private static partial void LogIntake(ILogger logger, string caseNumber, IntakeOutcomeKind outcome, CaseChannel channel);
}
