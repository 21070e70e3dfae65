using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivicGrid.Data;

/// <summary>Plain SQL on a context's own connection, for the few hot reads where EF's LINQ pipeline costs more than the
/// statement: the connection is opened through EF (its interceptors set the pragmas; the open is counted, so the
/// context closes it when it is disposed or a caller's <c>CloseConnectionAsync</c> balances it), and the command joins
/// the context's open transaction.</summary>
public static class ContextCommands
{
    public static async Task<DbCommand> CreateAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Adds <paramref name="value"/> as the next positional-named parameter and returns its placeholder.</summary>
    public static string AddParameter(this DbCommand command, object value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
