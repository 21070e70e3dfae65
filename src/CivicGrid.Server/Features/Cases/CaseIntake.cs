using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The one intake path of every channel: validate, convert the position to WGS-84, locate the grid chain,
/// honour the Idempotency-Key, link duplicates, number the case and write case + first history entry (+ idempotency
/// record) in one transaction.</summary>
public sealed partial class CaseIntake(
    CivicGridDbContext db, GridLocator locator, CityCalendar calendars, IdempotencyGate gate, TimeProvider time,
    IOptions<CaseOptions> options, ILogger<CaseIntake> logger)
{
    public async Task<IntakeOutcome> SubmitAsync(IntakeRequest request, Actor actor, IdempotencyKey? idempotency, CancellationToken cancellationToken)
    {
        using var entered = idempotency is null ? null : gate.TryEnter(idempotency.Scope, idempotency.Key)
            ?? throw new IdempotencyConflictException("A request with this Idempotency-Key is still being processed.", inFlight: true);
        if (idempotency is not null && await ReplayAsync(idempotency, cancellationToken) is { } replayed) return replayed;

        var report = await ValidateAsync(request, cancellationToken);
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new IntakeValidationException(new Dictionary<string, string[]> { ["city"] = ["No city is set up yet."] });
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync(cancellationToken);
        var context = new WorkflowContext(calendar, options.Value.Limits, null);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await DuplicateFinder.FindAsync(db, report.Kind, report.TypeCode, new GeoPoint(report.Longitude, report.Latitude), now, options.Value, cancellationToken);
        Case @case;
        IntakeOutcomeKind kind;
        if (existing is not null)
        {
            db.CaseHistory.Add(existing.LinkDuplicate(report, actor, now));
            existing.Version++;
            (@case, kind) = (existing, IntakeOutcomeKind.LinkedToExisting);
        }
        else
        {
            var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);
            var number = await CaseNumbers.NextAsync(db, city.Code, city.CaseNumberPrefix, localDay, cancellationToken);
            var (created, entry) = Case.Report(number, city.Code, report, actor, now, context);
            db.Cases.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            created.Seal(entry);
            db.CaseHistory.Add(entry);
            (@case, kind) = (created, IntakeOutcomeKind.Created);
        }
        if (idempotency is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = idempotency.Scope, Key = idempotency.Key, RequestHash = idempotency.RequestHash, CaseId = @case.Id, CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotency is not null)
        {
            // Another instance stored the same key first: answer as a replay of its case (or 422 for another body).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ReplayAsync(idempotency, cancellationToken)
                ?? throw new IdempotencyConflictException("A request with this Idempotency-Key is still being processed.", inFlight: true);
        }
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
