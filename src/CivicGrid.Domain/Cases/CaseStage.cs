namespace CivicGrid.Domain.Cases;

/// <summary>The standard's stages (信息收集 → 立案 → 派遣 → 处置 → 核查 → 结案), for filtering and evaluation.</summary>
public enum CaseStage { Intake, Registration, Dispatch, Handling, Check, Closing, Finished }

public static class CaseStages
{
    public static CaseStage Of(CaseStatus status) => status switch
    {
        CaseStatus.Reported or CaseStatus.Verifying => CaseStage.Intake,
        CaseStatus.Verified => CaseStage.Registration,
        CaseStatus.Registered => CaseStage.Dispatch,
        CaseStatus.Dispatched or CaseStatus.Handling or CaseStatus.Suspended => CaseStage.Handling,
        CaseStatus.FedBack or CaseStatus.Checking or CaseStatus.CheckFailed => CaseStage.Check,
        CaseStatus.AwaitingClose => CaseStage.Closing,
        _ => CaseStage.Finished,
    };

    public static IReadOnlyList<CaseStatus> StatusesOf(CaseStage stage) =>
        Enum.GetValues<CaseStatus>().Where(s => Of(s) == stage).ToArray();

    /// <summary>The final states: closed, rejected, voided.</summary>
    public static IReadOnlyList<CaseStatus> Terminal { get; } = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Voided];

    public static bool IsTerminal(CaseStatus status) => Terminal.Contains(status);
}
