using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Bench;

/// <summary>Counts and times what EF Core sends to the database (commands, BEGIN, COMMIT), to see where a request's
/// time goes. Plugged into the real server only for the profiling pass.</summary>
public sealed class DbTiming : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _commands, _commandTicks, _begins, _beginTicks, _commits, _commitTicks;

    public bool Enabled { get; set; }

    public (long Commands, TimeSpan CommandTime, long Begins, TimeSpan BeginTime, long Commits, TimeSpan CommitTime) Snapshot() =>
        (_commands, TimeSpan.FromTicks(_commandTicks), _begins, TimeSpan.FromTicks(_beginTicks), _commits, TimeSpan.FromTicks(_commitTicks));

    public void Reset() => _commands = _commandTicks = _begins = _beginTicks = _commits = _commitTicks = 0;

    private void Command(TimeSpan duration)
    {
        if (!Enabled) return;
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _commandTicks, duration.Ticks);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Command(eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _begins);
            Interlocked.Add(ref _beginTicks, eventData.Duration.Ticks);
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _commitTicks, eventData.Duration.Ticks);
        }
        return Task.CompletedTask;
    }
}
