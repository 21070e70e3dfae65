using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

/// <summary>How a demo case's story goes (unless the seeder's "now" cuts it short).</summary>
internal enum DemoCaseOutcome
{
    /// <summary>Every step within its limit, closed.</summary>
    ClosedOnTime,
    /// <summary>The department feeds back after the handling deadline; closed late, sometimes after a supervision order.</summary>
    ClosedLate,
    /// <summary>The check fails, the case goes back for rework (返工), then passes and closes.</summary>
    Reworked,
    /// <summary>First dispatched to the wrong department, which asks to return it (回退); dispatched again and closed.</summary>
    Returned,
    /// <summary>The department asks for more time (延期), the dispatcher approves; closed within the extended limit.</summary>
    Extended,
    /// <summary>The extension is refused; the department hurries and feeds back, sometimes late.</summary>
    ExtensionDenied,
    /// <summary>Suspended (挂账) with approval, resumed days later, then handled and closed.</summary>
    Suspended,
    /// <summary>A public report the inspector does not find on site: not registered (不予立案).</summary>
    NotConfirmed,
    /// <summary>Outside city management or a repeat report: not registered at intake.</summary>
    RejectedAtIntake,
    /// <summary>Registered by mistake (a repeat of a registered case) and voided (作废) by the shift lead.</summary>
    Voided,
    /// <summary>Stuck at <see cref="DemoCasePlan.HaltAt"/>: still open, usually overdue.</summary>
    Stalled,
}

/// <summary>Everything decided about a demo case before its story runs.</summary>
internal sealed record DemoCasePlan(
    long Id, string Number, DemoCaseArrival Arrival, DemoCaseType Type, bool Untyped, DemoCaseOutcome Outcome,
    CaseStatus? HaltAt, bool Supervised);
