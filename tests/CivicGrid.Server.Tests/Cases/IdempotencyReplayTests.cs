using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The replay check of <c>CaseIntake.ReplayAsync</c>, on the two paths that reach it: a repeated
/// Idempotency-Key whose new body fails validation, and the key stored first by another instance.</summary>
public abstract class IdempotencyReplayTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task RepeatedKey_WithANewBodyThatFailsValidation_Is422_NotAReplay()
    {
        var first = await city.TryReport("operator", Reports.At("06040", description: "地锁 replay-invalid"), "key-then-invalid");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var invalid = await city.TryReport("operator", Reports.At("99999", description: "no such type"), "key-then-invalid");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RepeatedKey_WithTheSameBody_AfterItsTypeWasWithdrawn_ReplaysTheCase()
    {
        var admin = await city.SignInAs("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/catalogue/types",
            new { kind = "matter", code = "06905", name = "临时类型 replay" })).StatusCode);
        var report = Reports.At("06905", description: "withdrawn type replay");
        var first = await city.TryReport("operator", report, "key-withdrawn");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/catalogue/types/matter/06905", new { isActive = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await city.TryReport("operator", report, "key-withdrawn-fresh")).StatusCode);

        var again = await city.TryReport("operator", report, "key-withdrawn");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await again.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(a.GetProperty("case").GetProperty("number").GetString(), b.GetProperty("case").GetProperty("number").GetString());
        Assert.Equal("replayed", b.GetProperty("outcome").GetString());
    }
}

public sealed class SqliteIdempotencyReplayTests(SqliteCity city) : IdempotencyReplayTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresIdempotencyReplayTests(PostgresCity city) : IdempotencyReplayTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;

/// <summary>Another instance stores the same key while this one writes the report (PostgreSQL: the provider several
/// instances share). A test observer plays the other instance: inside the write, before the key's row is saved, it
/// commits a record of the same key on its own connection, so the write fails on the key's unique index.</summary>
public sealed class IdempotencyRaceTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly KeyStoredElsewhere _elsewhere = new();
    private RunningServer _server = null!;
    private HttpClient Operator { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _elsewhere.Database = _database;
        _server = await RunningServer.StartAsync(_database,
            builder => builder.Services.AddScoped<ICaseStepObserver>(_ => _elsewhere), demo: true, StaffAccounts.DemoPasswordArg);
        Operator = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _server.Client.SignInAsync("operator"));
    }

    public async Task DisposeAsync()
    {
        Operator.Dispose();
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task KeyStoredFirstByAnotherInstance_WithTheSameBody_AnswersItsCaseAsAReplay()
    {
        var other = await CreateAsync(Reports.At("06041", description: "race other instance 1"), "race-other-1");
        var body = JsonSerializer.SerializeToUtf8Bytes(Reports.At("06042", description: "race same body"));
        _elsewhere.Arm("race same body", "race-same", Convert.ToHexStringLower(SHA256.HashData(body)), other.Id);

        var response = await PostAsync(body, "race-same");

        Assert.False(_elsewhere.IsArmed, "the other instance never stored the key");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("replayed", other.Number), (answer.GetProperty("outcome").GetString(), answer.GetProperty("case").GetProperty("number").GetString()));
        await using var db = _database.CreateContext();
        Assert.False(await db.Cases.AnyAsync(c => c.Description == "race same body"));
    }

    [Fact]
    public async Task KeyStoredFirstByAnotherInstance_WithAnotherBody_Is422()
    {
        var other = await CreateAsync(Reports.At("06027", description: "race other instance 2"), "race-other-2");
        var body = JsonSerializer.SerializeToUtf8Bytes(Reports.At("06028", description: "race other body"));
        _elsewhere.Arm("race other body", "race-different", new string('0', 64), other.Id);

        var response = await PostAsync(body, "race-different");

        Assert.False(_elsewhere.IsArmed, "the other instance never stored the key");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private async Task<(long Id, string Number)> CreateAsync(object report, string key)
    {
        var response = await PostAsync(JsonSerializer.SerializeToUtf8Bytes(report), key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
        return (created.GetProperty("id").GetInt64(), created.GetProperty("number").GetString()!);
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", key);
        return await Operator.SendAsync(request);
    }

    /// <summary>When armed, commits an idempotency record for the next report whose description matches, on its own
    /// connection, as another instance would have; then disarms.</summary>
    private sealed class KeyStoredElsewhere : ICaseStepObserver
    {
        private (string Description, string Key, string Hash, long CaseId)? _armed;

        public TestDatabase Database { get; set; } = null!;
        public bool IsArmed => _armed is not null;

        public void Arm(string description, string key, string hash, long caseId) => _armed = (description, key, hash, caseId);

        public async ValueTask OnStepAsync(CivicGridDbContext db, Case @case, CaseHistoryEntry entry, CancellationToken cancellationToken)
        {
            if (_armed is not { } armed || @case.Description != armed.Description) return;
            _armed = null;
            var scope = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == "operator").Select(u => u.Id).SingleAsync(cancellationToken);
            await using var elsewhere = Database.CreateContext();
            elsewhere.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = $"user:{scope}", Key = armed.Key, RequestHash = armed.Hash, CaseId = armed.CaseId, CreatedAt = entry.At,
            });
            await elsewhere.SaveChangesAsync(cancellationToken);
        }
    }
}
