using System.Collections.Concurrent;
using System.Security.Cryptography;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Cases;

/// <summary>An Idempotency-Key of one caller (scope: a user, an API key, the public) with the hash of the request it came
/// with. Every channel makes its key with <see cref="Of"/>, so the hashing and the length rule are the same everywhere.</summary>
public sealed record IdempotencyKey(string Scope, string Key, string RequestHash)
{
    /// <summary>The longest key a client may send (the stored column is 128 characters).</summary>
    public const int MaxLength = 128;

    /// <summary>The key with the SHA-256 of the request's canonical bytes (the staff API: the body as sent; the public
    /// API: the parsed request; Open311: every form field but api_key, in a fixed order).</summary>
    public static IdempotencyKey Of(string scope, string key, ReadOnlySpan<byte> request) =>
        new(scope, key, Convert.ToHexStringLower(SHA256.HashData(request)));
}

/// <summary>The one place that decides what a repeated Idempotency-Key means, for every channel (staff API and pages,
/// public reports, Open311 — all through <see cref="CaseIntake"/> and the <see cref="CaseWriter"/>): while a request with
/// the key is in progress in this instance another one gets 409 (<see cref="Enter"/>); once the key is stored, the same
/// request gets the case it created and another request is refused (<see cref="Answer"/>). Across instances the primary
/// key (Scope, Key) of the stored records settles the race; the intake then answers from the record the winner stored.</summary>
public sealed class Idempotency
{
    private readonly ConcurrentDictionary<(string Scope, string Key), byte> _inFlight = new();

    /// <summary>Marks the key in progress until the result is disposed; null when it already is.</summary>
    public IDisposable? TryEnter(string scope, string key) =>
        _inFlight.TryAdd((scope, key), 0) ? new Release(() => _inFlight.TryRemove((scope, key), out _)) : null;

    /// <exception cref="IdempotencyConflictException">A request with the key is still in progress here (409).</exception>
    public IDisposable Enter(IdempotencyKey key) => TryEnter(key.Scope, key.Key)
        ?? throw new IdempotencyConflictException("A request with this Idempotency-Key is still being processed.", inFlight: true);

    /// <summary>The answer to a key already stored: the case it created when the request is the same.</summary>
    /// <exception cref="IdempotencyConflictException">The key came with another request before (422; Open311 says 400).</exception>
    public static IntakeOutcome Answer(IdempotencyKey key, IdempotencyRecord stored, Case createdCase) =>
        stored.RequestHash == key.RequestHash
            ? new IntakeOutcome(createdCase, IntakeOutcomeKind.Replayed)
            : throw new IdempotencyConflictException("This Idempotency-Key was used with a different request.", inFlight: false);

    /// <summary>The record stored with the case a keyed report created or was linked to, in the same transaction.</summary>
    public static IdempotencyRecord Record(IdempotencyKey key, long caseId, DateTimeOffset at) => new()
    {
        Scope = key.Scope, Key = key.Key, RequestHash = key.RequestHash, CaseId = caseId, CreatedAt = at,
    };

    /// <summary>The stored records of these keys, one plain SELECT by primary key (Scope, Key) for all of them (as a
    /// LINQ query it was 3.7 % of the process's CPU in the intake bench's profile, on the serial writer's path).</summary>
    public static async Task<Dictionary<(string Scope, string Key), IdempotencyRecord>> StoredAsync(
        CivicGridDbContext db, IReadOnlyCollection<(string Scope, string Key)> keys, CancellationToken cancellationToken)
    {
        await using var command = await ContextCommands.CreateAsync(db, cancellationToken);
        try
        {
            var conditions = keys.Select(k => $"(\"Scope\" = {command.AddParameter(k.Scope)} AND \"Key\" = {command.AddParameter(k.Key)})").ToList();
            command.CommandText = $"SELECT \"Scope\", \"Key\", \"RequestHash\", \"CaseId\" FROM \"IdempotencyRecords\" WHERE {string.Join(" OR ", conditions)}";
            var stored = new Dictionary<(string, string), IdempotencyRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = new IdempotencyRecord { Scope = reader.GetString(0), Key = reader.GetString(1), RequestHash = reader.GetString(2), CaseId = reader.GetInt64(3) };
                stored[(record.Scope, record.Key)] = record;
            }
            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
