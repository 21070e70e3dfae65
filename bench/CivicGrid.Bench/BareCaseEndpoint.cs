using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using CivicGrid.Server.Features.Cases;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Bench;

/// <summary>The baseline: a bare minimal-API app whose POST /cases parses the same JSON and writes the same case row
/// plus one history row in one transaction (BEGIN IMMEDIATE … COMMIT) with prepared statements, into a SQLite file
/// migrated with CivicGrid's migrations, with the same pragmas (WAL, synchronous as given). No auth, no validation
/// beyond the required fields, no number counter, no idempotency record, no hash chain.</summary>
public sealed partial class BareCaseEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<Writer> _writers = [];
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly SemaphoreSlim? _oneWriter;
    private readonly Channel<PendingRow>? _groupCommit;
    private readonly Task? _groupWriter;
    private long _number;

    private BareCaseEndpoint(string databasePath, string synchronous, bool queueWriters, bool groupCommit)
    {
        _oneWriter = queueWriters ? new SemaphoreSlim(1) : null;
        _connectionString = $"Data Source={databasePath};Pooling=True";
        _synchronous = synchronous;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/cases", CreateAsync);
        if (groupCommit)
        {
            _groupCommit = Channel.CreateUnbounded<PendingRow>(new UnboundedChannelOptions { SingleReader = true });
            _groupWriter = Task.Run(WriteGroupsAsync);
        }
    }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>With <paramref name="queueWriters"/> requests wait for the write lock in an async queue of this process
    /// instead of in SQLite's busy handler (which sleeps and retries).</summary>
    /// <summary>With <paramref name="groupCommit"/> one writer drains the rows waiting at that moment and inserts them
    /// in one transaction (one fsync for many): the ceiling of group commit with bare prepared statements.</summary>
    public static async Task<BareCaseEndpoint> StartAsync(string databasePath, string synchronous, bool queueWriters, bool groupCommit = false)
    {
        var endpoint = new BareCaseEndpoint(databasePath, synchronous, queueWriters, groupCommit);
        await endpoint._app.StartAsync();
        return endpoint;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var input = await JsonSerializer.DeserializeAsync<CreateCaseRequest>(request.Body, Json);
        if (input is not { Description.Length: > 0, Latitude: { } latitude, Longitude: { } longitude }) return Results.BadRequest();
        var number = "HK" + Interlocked.Increment(ref _number).ToString("D13", CultureInfo.InvariantCulture);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        if (_groupCommit is not null)
        {
            var row = new PendingRow(number, input, longitude, latitude, now, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            _groupCommit.Writer.TryWrite(row);
            return Results.Created($"/cases/{await row.Done.Task}", new { number });
        }
        if (!_writers.TryTake(out var writer)) writer = Writer.Open(_connectionString, _synchronous);
        if (_oneWriter is not null) await _oneWriter.WaitAsync();
        try
        {
            return Results.Created($"/cases/{writer.Insert(number, input, longitude, latitude, now)}", new { number });
        }
        finally
        {
            _oneWriter?.Release();
            _writers.Add(writer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _groupCommit?.Writer.TryComplete();
        if (_groupWriter is not null) await _groupWriter;
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var writer in _writers) writer.Dispose();
    }

    /// <summary>One connection with its two prepared INSERTs.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _case;
        private readonly SqliteCommand _history;

        private Writer(SqliteConnection connection, SqliteCommand @case, SqliteCommand history) =>
            (_connection, _case, _history) = (connection, @case, history);

        public static Writer Open(string connectionString, string synchronous)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous={synchronous};";
                pragma.ExecuteNonQuery();
            }
            var @case = connection.CreateCommand();
            @case.CommandText = """
                INSERT INTO "Cases" ("Number","CityCode","Channel","Status","Kind","TypeCode","Description","Longitude","Latitude",
                  "GridCode","CommunityCode","StreetCode","DistrictCode","IsBuiltUp","ReporterName","ReporterPhone","ReporterUserId",
                  "IsUrgent","ReworkCount","SupervisionCount","ExtensionCount","CreatedAt","UpdatedAt","StageStartedAt","StageTimeType",
                  "StageLimitAmount","StageDueAt","StageYellowAt","StageOverdueAlerted","HistoryCount","LastHistoryHash","Version")
                VALUES ($number,'460100','Hotline','Reported',$kind,$type,$description,$lon,$lat,
                  '460106001001001','460106001001','460106001','460106',1,$name,$phone,3,
                  0,0,0,0,$now,$now,$now,'WorkingHour',2,$now + 7200000,$now + 5760000,0,1,$hash,0)
                RETURNING "Id"
                """;
            foreach (var name in new[] { "$number", "$kind", "$type", "$description", "$lon", "$lat", "$name", "$phone", "$now", "$hash" })
                @case.Parameters.Add(new SqliteParameter(name, null));
            @case.Prepare();
            var history = connection.CreateCommand();
            history.CommandText = """
                INSERT INTO "CaseHistory" ("CaseId","Sequence","At","ActorUserId","ActorName","ActorRole","Action","ToStatus","Data","Deadline","PreviousHash","Hash")
                VALUES ($case,1,$now,3,'陈静（受理员）','IntakeOperator','report','Reported','channel=Hotline',$deadline,$genesis,$hash)
                """;
            foreach (var name in new[] { "$case", "$now", "$deadline", "$genesis", "$hash" })
                history.Parameters.Add(new SqliteParameter(name, null));
            history.Prepare();
            return new Writer(connection, @case, history);
        }

        public long Insert(string number, CreateCaseRequest input, double longitude, double latitude, long now)
        {
            using var transaction = _connection.BeginTransaction(); // BEGIN IMMEDIATE
            _case.Transaction = _history.Transaction = transaction;
            var id = InsertRow(number, input, longitude, latitude, now);
            transaction.Commit();
            return id;
        }

        public long[] InsertMany(List<PendingRow> rows)
        {
            using var transaction = _connection.BeginTransaction();
            _case.Transaction = _history.Transaction = transaction;
            var ids = rows.Select(r => InsertRow(r.Number, r.Input, r.Longitude, r.Latitude, r.Now)).ToArray();
            transaction.Commit();
            return ids;
        }

        private long InsertRow(string number, CreateCaseRequest input, double longitude, double latitude, long now)
        {
            var hash = new string('a', 64);
            object Value(object? value) => value ?? DBNull.Value;
            _case.Parameters["$number"].Value = number;
            _case.Parameters["$kind"].Value = "Matter";
            _case.Parameters["$type"].Value = Value(input.TypeCode);
            _case.Parameters["$description"].Value = input.Description;
            _case.Parameters["$lon"].Value = longitude;
            _case.Parameters["$lat"].Value = latitude;
            _case.Parameters["$name"].Value = Value(input.ReporterName);
            _case.Parameters["$phone"].Value = Value(input.ReporterPhone);
            _case.Parameters["$now"].Value = now;
            _case.Parameters["$hash"].Value = hash;
            var id = (long)_case.ExecuteScalar()!;
            _history.Parameters["$case"].Value = id;
            _history.Parameters["$now"].Value = now;
            _history.Parameters["$deadline"].Value = "due=2026-11-26T10:30:00.000Z;limit=2 working_hour";
            _history.Parameters["$genesis"].Value = new string('0', 64);
            _history.Parameters["$hash"].Value = hash;
            _history.ExecuteNonQuery();
            return id;
        }

        public void Dispose()
        {
            _case.Dispose();
            _history.Dispose();
            _connection.Dispose();
        }
    }
}
