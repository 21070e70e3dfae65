using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

/// <summary>Decides every demo case before any story runs: its id and number (prefix + local day + daily sequence, in
/// arrival order), its type, and its outcome. A few recent cases stall at each open status in turn, so every status
/// of the workflow is present at every scale.</summary>
internal static class DemoCasePlanner
{
    /// <summary>The open statuses stalled cases stop at, in turn.</summary>
    public static IReadOnlyList<CaseStatus> StallStatuses { get; } =
    [
        CaseStatus.Reported, CaseStatus.Verifying, CaseStatus.Verified, CaseStatus.Registered, CaseStatus.Dispatched,
        CaseStatus.Handling, CaseStatus.Suspended, CaseStatus.FedBack, CaseStatus.Checking, CaseStatus.CheckFailed, CaseStatus.AwaitingClose,
    ];

    private static readonly (DemoCaseOutcome Outcome, double Weight)[] Outcomes =
    [
        (DemoCaseOutcome.ClosedOnTime, 71), (DemoCaseOutcome.ClosedLate, 9), (DemoCaseOutcome.Reworked, 7),
        (DemoCaseOutcome.Returned, 4), (DemoCaseOutcome.Extended, 4), (DemoCaseOutcome.ExtensionDenied, 1),
        (DemoCaseOutcome.Suspended, 2), (DemoCaseOutcome.Voided, 2),
    ];

    public static List<DemoCasePlan> Plan(
        IReadOnlyList<DemoCaseArrival> arrivals, long firstId, string prefix, DemoCaseWorld world, DateTimeOffset now, Random random)
    {
        var stalls = ChooseStalls(arrivals, now, random);
        var types = DemoWeights.Cumulative(world.Types.Select(t => (double)t.Weight));
        var outcomes = DemoWeights.Cumulative(Outcomes.Select(o => o.Weight));
        var plans = new List<DemoCasePlan>(arrivals.Count);
        var day = default(DateOnly);
        var sequence = 0;
        for (var i = 0; i < arrivals.Count; i++)
        {
            var arrival = arrivals[i];
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(arrival.At, world.Calendar.Zone).DateTime);
            sequence = local == day ? sequence + 1 : 1;
            day = local;
            var isPublic = CaseChannels.IsPublic(arrival.Channel);
            var type = world.Types[DemoWeights.Pick(types, random)];
            // A case stalling after handling must get through handling first: give it a type handled within days.
            for (var tries = 0; tries < 20 && stalls.TryGetValue(i, out var late) && late >= CaseStatus.Suspended && !HandledWithinDays(world, type); tries++)
            {
                type = world.Types[DemoWeights.Pick(types, random)];
            }

            var untyped = isPublic && random.NextDouble() < 0.4;
            var outcome = stalls.ContainsKey(i) ? DemoCaseOutcome.Stalled
                : isPublic && random.NextDouble() < 0.12 ? DemoCaseOutcome.NotConfirmed
                : !isPublic && random.NextDouble() < 0.03 ? DemoCaseOutcome.RejectedAtIntake
                : Outcomes[DemoWeights.Pick(outcomes, random)].Outcome;
            CaseStatus? haltAt = stalls.TryGetValue(i, out var stall) ? stall : null;
            var supervised = outcome == DemoCaseOutcome.ClosedLate ? random.NextDouble() < 0.35
                : haltAt is CaseStatus.Handling or CaseStatus.Dispatched && random.NextDouble() < 0.5;
            plans.Add(new DemoCasePlan(firstId + i, CaseNumberCounter.Format(prefix, local, sequence), arrival, type, untyped,
                outcome, haltAt, supervised));
        }

        return plans;
    }

    private static bool HandledWithinDays(DemoCaseWorld world, DemoCaseType type) =>
        world.Contexts[type.Code].Standard is { } standard && (standard.TimeType is not (TimeType.WorkDay or TimeType.NaturalDay) || standard.TimeLimitAmount <= 3);

    /// <summary>Picks ≈ 3 % of the cases (at least one per open status) to stall, of an age that lets them get that far
    /// (intake and dispatch stalls from 6 hours to 3 days old, handling stalls up to 3 weeks, checking and closing
    /// stalls 1–3 weeks); verification stalls need a public report.</summary>
    private static Dictionary<int, CaseStatus> ChooseStalls(IReadOnlyList<DemoCaseArrival> arrivals, DateTimeOffset now, Random random)
    {
        var stalls = new Dictionary<int, CaseStatus>();
        var count = Math.Max(StallStatuses.Count, arrivals.Count * 3 / 100);
        for (var k = 0; k < count && stalls.Count < arrivals.Count; k++)
        {
            var status = StallStatuses[k % StallStatuses.Count];
            var needsPublic = status is CaseStatus.Verifying or CaseStatus.Verified;
            var (youngest, oldest) = status switch
            {
                <= CaseStatus.Dispatched => (TimeSpan.FromHours(6), TimeSpan.FromDays(3)),
                CaseStatus.Handling => (TimeSpan.FromDays(1), TimeSpan.FromDays(21)),
                CaseStatus.Suspended => (TimeSpan.FromDays(3), TimeSpan.FromDays(21)),
                _ => (TimeSpan.FromDays(7), TimeSpan.FromDays(21)),
            };
            foreach (var (from, to) in new[] { (oldest, youngest), (TimeSpan.FromDays(DemoCaseArrivals.Days + 1), youngest), (TimeSpan.FromDays(DemoCaseArrivals.Days + 1), TimeSpan.Zero) })
            {
                var (first, end) = (FirstAfter(arrivals, now - from), FirstAfter(arrivals, now - to));
                bool Fits(int i) => !stalls.ContainsKey(i) && (!needsPublic || CaseChannels.IsPublic(arrivals[i].Channel));
                // A few random tries find a fitting case at once at every realistic scale; the scan settles the rest.
                var tries = Enumerable.Range(0, 64).Select(_ => first + random.Next(end - first));
                if (first < end && tries.Where(Fits).Select(i => (int?)i).FirstOrDefault() is { } chosen)
                {
                    stalls[chosen] = status;
                    break;
                }

                var candidates = Enumerable.Range(first, end - first).Where(Fits).ToList();
                if (candidates.Count == 0) continue;
                stalls[candidates[random.Next(candidates.Count)]] = status;
                break;
            }
        }

        return stalls;
    }

    private static int FirstAfter(IReadOnlyList<DemoCaseArrival> arrivals, DateTimeOffset instant)
    {
        int low = 0, high = arrivals.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (arrivals[middle].At >= instant) high = middle;
            else low = middle + 1;
        }

        return low;
    }
}
