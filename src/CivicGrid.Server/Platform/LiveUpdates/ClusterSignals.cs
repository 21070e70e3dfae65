using CivicGrid.Data;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CivicGrid.Server.Platform.LiveUpdates;

/// <summary>Sends notifications to every instance that shares the PostgreSQL database (NOTIFY); a no-op on SQLite,
/// where one process owns the database. Used by the relay for case steps and by whoever changes shared in-memory
/// state (the grid or catalogue import run from the CLI, the administration's reference data) so that running servers reload it.</summary>
public sealed class ClusterSignals(IOptions<DatabaseOptions> database)
{
    /// <summary>Channel of committed case steps (payload: <see cref="RelayEnvelope"/> as JSON).</summary>
    public const string CaseEventsChannel = "civicgrid_case_events";

    /// <summary>Channel of "grids or boundaries changed" (payload: the sender's instance id).</summary>
    public const string GridsChannel = "civicgrid_grids";

    /// <summary>Channel of "catalogue types, case standards or departments changed" (payload: the sender's instance id).</summary>
    public const string ReferenceDataChannel = "civicgrid_reference_data";

    /// <summary>Channel of "a staff user's access changed" (deactivated, roles or scope; payload: the sender's instance id).</summary>
    public const string StaffAccessChannel = "civicgrid_staff_access";

    /// <summary>Channel of "an API key was revoked" (payload: the sender's instance id).</summary>
    public const string ApiKeysChannel = "civicgrid_api_keys";

    public bool IsShared => database.Value.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(database.Value.ConnectionString);

    internal string ConnectionString => database.Value.ConnectionString!;

    /// <summary>Sends each payload on <paramref name="channel"/> in one round trip. PostgreSQL delivers them after
    /// commit to every session listening, in order.</summary>
    public async Task SendAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        if (!IsShared || payloads.Count == 0) return;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(pg_notify(@channel, payload)) FROM unnest(@payloads) AS payload", connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = payloads.ToArray() });
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Tells every running instance to reload its grid index (after an import).</summary>
    public Task GridsChangedAsync(string sender, CancellationToken cancellationToken) =>
        SendAsync(GridsChannel, [sender], cancellationToken);

    /// <summary>Tells every running instance to drop what it keeps of the catalogue, case standards and departments.</summary>
    public Task ReferenceDataChangedAsync(string sender, CancellationToken cancellationToken) =>
        SendAsync(ReferenceDataChannel, [sender], cancellationToken);
}

/// <summary>What travels on <see cref="ClusterSignals.CaseEventsChannel"/>: the step and the instance that committed it
/// (which skips its own).</summary>
public sealed record RelayEnvelope(string From, CaseEvent Event);
