using System.Text.Json;
using System.Threading.Channels;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CivicGrid.Bench;

/// <summary>PROTOTYPE of group commit for case intake, mapped into the real server at POST /bench/group-commit/cases
/// (same auth, JSON options, idempotency gate, grid locator, calendar and database). Each request does the same
/// reads as <see cref="CaseIntake"/> (idempotency replay, catalogue type, grid, city) on its own, then queues the
/// validated report; one writer drains the queue and writes up to <see cref="MaxBatch"/> creations in one transaction
/// (one counter upsert for the batch, cases, sealed first history entries, idempotency records: one fsync for all),
/// and answers each request only after that commit. Not production code: no duplicate linking (the bench switches it
/// off), a failed batch fails all its requests instead of retrying them one by one, and the channel is the
/// operator's (hotline).</summary>
public sealed class GroupCommitIntake(IServiceScopeFactory scopes, CityCalendar calendars, IOptions<CaseOptions> options, TimeProvider time)
{
    public const int MaxBatch = 128;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;

    private sealed record Pending(ReportDetails Report, Actor Actor, IdempotencyKey Key, TaskCompletionSource<Case> Done);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/bench/group-commit/cases", HandleAsync).RequireStaff(CreateCaseHandler.Reporters);

    /// <summary>Time spent per stage of the request (Stopwatch ticks, summed over requests), for the profile.</summary>
    private readonly long[] _stageTicks = new long[11];
    public static IReadOnlyList<string> Stages { get; } =
        ["body + JSON + hash", "idempotency replay read", "catalogue type read", "grid locate + built-up read", "queued until committed", "total in handler",
         "writer: scope + city read", "writer: BEGIN + number upsert", "writer: insert cases", "writer: seal + insert history and keys", "writer: COMMIT"];

    public void ResetStages() => Array.Clear(_stageTicks);

    public double StageMicroseconds(int stage, long requests) =>
        _stageTicks[stage] * 1e6 / System.Diagnostics.Stopwatch.Frequency / Math.Max(1, requests);

    private void Mark(int stage, ref long since)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Add(ref _stageTicks[stage], now - since);
        since = now;
    }

    /// <summary>Transactions committed and creations in them (read after a run).</summary>
    public long Batches { get; private set; }
    public long Creations { get; private set; }

    private static async Task<IResult> HandleAsync(HttpRequest request, StaffPrincipal who, GroupCommitIntake intake, Idempotency gate,
        CivicGridDbContext db, GridLocator locator, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var since = start;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var input = JsonSerializer.Deserialize<CreateCaseRequest>(body, json.Value.SerializerOptions);
        var key = IdempotencyKey.Of($"user:{who.UserId}", request.Headers["Idempotency-Key"].ToString(), body);
        intake.Mark(0, ref since);
        using var entered = gate.TryEnter(key.Scope, key.Key);
        if (entered is null) return Results.Conflict();
        var replay = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == key.Scope && r.Key == key.Key, cancellationToken);
        if (replay is not null) return Results.Ok(new { outcome = "replayed", id = replay.CaseId });

        intake.Mark(1, ref since);
        if (input is not { Description.Length: > 0, Latitude: { } lat, Longitude: { } lon, TypeCode: { } type }) return Results.BadRequest();
        if (!await db.CatalogueTypes.AnyAsync(t => t.Kind == CatalogueKind.Matter && t.Code == type && t.IsActive, cancellationToken)) return Results.BadRequest();
        intake.Mark(2, ref since);
        var wgs84 = CoordinateConverter.Convert(new GeoPoint(lon, lat), CoordinateSystem.Wgs84, CoordinateSystem.Wgs84);
        if (await locator.LocateAsync(wgs84.Longitude, wgs84.Latitude, cancellationToken) is not { } location) return Results.BadRequest();
        var builtUp = location.GridCode is null
            || await db.UnitGrids.Where(g => g.Code == location.GridCode).Select(g => g.IsBuiltUp).SingleAsync(cancellationToken);
        var report = new ReportDetails(CaseChannel.Hotline, input.Description.Trim(), wgs84.Longitude, wgs84.Latitude, location.GridCode,
            location.Community.Code, location.Street.Code, location.District.Code, builtUp, CatalogueKind.Matter, type, null, input.Address,
            input.ReporterName, input.ReporterPhone, input.ReporterEmail);

        intake.Mark(3, ref since);
        var created = await intake.SubmitAsync(report, CaseEndpoints.Context(who).Actor, key);
        intake.Mark(4, ref since);
        intake.Mark(5, ref start);
        return Results.Created($"/api/v1/cases/{created.Id}", new { outcome = "created", id = created.Id, number = created.Number });
    }

    private Task<Case> SubmitAsync(ReportDetails report, Actor actor, IdempotencyKey key)
    {
        _writer ??= Task.Run(WriteAsync);
        var done = new TaskCompletionSource<Case>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(new Pending(report, actor, key, done));
        return done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                var cases = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(cases[i]);
                Batches++;
                Creations += batch.Count;
            }
            catch (Exception exception)
            {
                foreach (var pending in batch) pending.Done.TrySetException(exception);
            }
        }
    }

    private async Task<List<Case>> CommitAsync(List<Pending> batch)
    {
        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        var city = await db.Cities.AsNoTracking().OrderBy(c => c.Code).FirstAsync();
        var calendar = await calendars.GetAsync();
        var context = new WorkflowContext(calendar, options.Value.Limits, null);
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.Zone).DateTime);

        Mark(6, ref since);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseNumberCounters" ("CityCode", "Day", "Last") VALUES ({city.Code}, {day}, {batch.Count})
            ON CONFLICT ("CityCode", "Day") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + {batch.Count}
            RETURNING "Last" AS "Value"
            """).ToListAsync()).Single();
        Mark(7, ref since);
        var created = new List<(Case Case, CaseHistoryEntry Entry)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var number = CaseNumberCounter.Format(city.CaseNumberPrefix, day, last - batch.Count + 1 + i);
            created.Add(Case.Report(number, city.Code, batch[i].Report, batch[i].Actor, now, context));
            db.Cases.Add(created[i].Case);
        }
        await db.SaveChangesAsync();
        Mark(8, ref since);
        for (var i = 0; i < batch.Count; i++)
        {
            var (@case, entry) = created[i];
            @case.SealReport(entry);
            db.CaseHistory.Add(entry);
            var key = batch[i].Key;
            db.IdempotencyRecords.Add(Idempotency.Record(key, @case.Id, now));
        }
        await db.SaveChangesAsync();
        Mark(9, ref since);
        await transaction.CommitAsync();
        Mark(10, ref since);
        return created.Select(c => c.Case).ToList();
    }
}
