using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Features.Cases.Pages;

/// <summary>The fields of the step form on the case page. Which of them an action shows is <see cref="StepFields"/>.</summary>
public sealed class StepInput
{
    public string? Action { get; set; }
    public string? Note { get; set; }
    /// <summary>"yes" or "no" (radio buttons), for verify and check.</summary>
    public string? Answer { get; set; }
    public int? DepartmentId { get; set; }
    public int? ExtensionAmount { get; set; }
    /// <summary>request_check: the inspector the check goes to (the suggestion preselected).</summary>
    public int? InspectorUserId { get; set; }
    public string? Type { get; set; }
    public IFormFile? Photo { get; set; }
    /// <summary>The case version the form was rendered for: a step on a case that changed meanwhile is refused.</summary>
    public int Version { get; set; }
}

/// <summary>Which inputs each action asks for on the case page.</summary>
public static class StepFields
{
    public static bool AsksAnswer(CaseAction action) => action is CaseAction.Verify or CaseAction.Check;
    public static bool AsksDepartment(CaseAction action) => action == CaseAction.Dispatch;
    public static bool AsksInspector(CaseAction action) => action == CaseAction.RequestCheck;
    public static bool AsksExtension(CaseAction action) => action == CaseAction.RequestExtension;
    public static bool AsksType(CaseAction action) => action == CaseAction.Classify;
    public static bool AsksPhoto(CaseAction action) => action is CaseAction.Verify or CaseAction.Feedback or CaseAction.Check;
    public static bool NoteRequired(CaseAction action) =>
        action is CaseAction.Reject or CaseAction.Void or CaseAction.RequestReturn or CaseAction.RequestExtension
            or CaseAction.RequestSuspension or CaseAction.Supervise;

    /// <summary>The inputs <paramref name="action"/> needs that the form left empty: (field, text key) pairs. The
    /// domain checks the same rules again; this answers before a photo is stored.</summary>
    public static IEnumerable<(string Field, string TextKey)> Missing(CaseAction action, StepInput input)
    {
        if (NoteRequired(action) && string.IsNullOrWhiteSpace(input.Note)) yield return ("note", "step.note.required");
        if (AsksAnswer(action) && input.Answer is not ("yes" or "no"))
            yield return (action == CaseAction.Verify ? "confirmed" : "passed", "step.answer.required");
        if (AsksDepartment(action) && input.DepartmentId is null) yield return ("departmentId", "step.department.required");
        if (AsksInspector(action) && input.InspectorUserId is null) yield return ("inspectorUserId", "step.inspector.required");
        if (AsksExtension(action) && input.ExtensionAmount is not > 0) yield return ("extensionAmount", "step.extension.required");
    }
}
