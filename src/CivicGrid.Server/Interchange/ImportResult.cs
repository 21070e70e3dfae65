namespace CivicGrid.Server.Interchange;

/// <summary>What an import did.</summary>
/// <param name="Valid">Rows that passed validation.</param>
/// <param name="Imported">Rows written and committed (0 when the import was rolled back).</param>
/// <param name="Rejected">Rows rejected.</param>
/// <param name="Rejections">The first <see cref="RejectionLog.KeptInMemory"/> rejections, in file order.</param>
/// <param name="Committed">False when rejected rows rolled the whole import back.</param>
/// <param name="RejectsPath">The rejects file written, or null when none was written.</param>
public sealed record ImportResult(
    long Valid, long Imported, long Rejected, IReadOnlyList<ImportRejection> Rejections, bool Committed, string? RejectsPath);
