using CivicGrid.Data;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases;

/// <summary>Rows a channel writes together with its report, in the same transaction as the case (ADR 0008): the
/// Open311 token, the citizen's tracking token, the links of photos uploaded before. They commit with the case or not at
/// all, and cost no transaction of their own. The writer calls it once the case has its id, only when the report was
/// written now (created or linked to an open case), never for a replay: a replay's rows were written the first time.</summary>
public interface IIntakeCompanion
{
    /// <summary>Adds (tracks) the rows or runs set-based statements on <paramref name="db"/>, inside the writer's
    /// transaction; the writer saves what is tracked.</summary>
    ValueTask AddAsync(CivicGridDbContext db, Case @case, DateTimeOffset now, CancellationToken cancellationToken);
}
