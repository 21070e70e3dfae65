using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The one intake path of every channel: validate, convert the position to WGS-84, locate the grid chain,
/// honour the Idempotency-Key, then hand the report to the <see cref="CaseWriter"/>, which links duplicates, numbers the
/// case and writes case + first history entry (+ idempotency record) in one transaction.</summary>
public sealed partial class CaseIntake(
    CivicGridDbContext db, GridLocator locator, CatalogueTypeCheck types, CaseWriter writer, IdempotencyGate gate, ILogger<CaseIntake> logger)
{
    public async Task<IntakeOutcome> SubmitAsync(IntakeRequest request, Actor actor, IdempotencyKey? idempotency, CancellationToken cancellationToken)
    {
        using var entered = idempotency is null ? null : gate.TryEnter(idempotency.Scope, idempotency.Key)
            ?? throw new IdempotencyConflictException("A request with this Idempotency-Key is still being processed.", inFlight: true);
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
            outcome = await writer.WriteAsync(report, actor, idempotency);
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
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == idempotency.Scope && r.Key == idempotency.Key, cancellationToken);
        if (record is null) return null;
        if (record.RequestHash != idempotency.RequestHash)
            throw new IdempotencyConflictException("This Idempotency-Key was used with a different request.", inFlight: false);
        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == record.CaseId, cancellationToken);
        return new IntakeOutcome(@case, IntakeOutcomeKind.Replayed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {CaseNumber} taken in ({Outcome}) from channel {Channel}")]
    private static partial void LogIntake(ILogger logger, string caseNumber, IntakeOutcomeKind outcome, CaseChannel channel);
}

/// <summary>An Idempotency-Key of one caller (scope) with the hash of the request it came with.</summary>
public sealed record IdempotencyKey(string Scope, string Key, string RequestHash);
