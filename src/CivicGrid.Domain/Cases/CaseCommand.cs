using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Cases;

/// <summary>One step requested on a case, with the inputs some actions need.</summary>
/// <param name="Confirmed">Verify: the inspector found the problem (true) or not (false).</param>
/// <param name="Passed">Check: the fix passed the on-site check.</param>
/// <param name="DepartmentId">Dispatch: the department (when routing found none or the dispatcher overrides it).</param>
/// <param name="ExtensionAmount">RequestExtension: extra time in the unit of the case's time limit (minutes or days).</param>
/// <param name="InspectorUserId">RequestCheck: the inspector the check is sent to.</param>
public sealed record CaseCommand(
    CaseAction Action,
    string? Note = null,
    bool? Confirmed = null,
    bool? Passed = null,
    int? DepartmentId = null,
    int? ExtensionAmount = null,
    CatalogueKind? Kind = null,
    string? TypeCode = null,
    IReadOnlyList<Guid>? AttachmentIds = null,
    int? InspectorUserId = null);
