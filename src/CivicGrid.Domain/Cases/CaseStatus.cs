namespace CivicGrid.Domain.Cases;

/// <summary>Where a case stands in the workflow (docs/domain/workflow-and-time-limits.md §3).</summary>
public enum CaseStatus
{
    /// <summary>上报: received from a channel, waiting for the intake operator.</summary>
    Reported,
    /// <summary>核实中: an inspector has been asked to verify it on site.</summary>
    Verifying,
    /// <summary>已核实: the inspector answered; waiting for registration or rejection.</summary>
    Verified,
    /// <summary>已立案: registered, waiting for dispatch.</summary>
    Registered,
    /// <summary>已派遣: dispatched, waiting for the department to accept.</summary>
    Dispatched,
    /// <summary>处置中: the department is handling it.</summary>
    Handling,
    /// <summary>挂账: suspended with the dispatcher's approval; the handling clock stops.</summary>
    Suspended,
    /// <summary>已反馈 (待发送核查): the department fed back; waiting for the intake operator to send the check to an inspector.</summary>
    FedBack,
    /// <summary>核查中: the check was sent to an inspector, who checks on site.</summary>
    Checking,
    /// <summary>核查未通过: waiting for the rework order.</summary>
    CheckFailed,
    /// <summary>待结案: the check passed; waiting for the shift lead to close.</summary>
    AwaitingClose,
    /// <summary>已结案.</summary>
    Closed,
    /// <summary>不予立案.</summary>
    Rejected,
    /// <summary>已作废.</summary>
    Voided,
}
