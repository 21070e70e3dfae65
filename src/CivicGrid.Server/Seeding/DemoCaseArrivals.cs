using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;

namespace CivicGrid.Server.Seeding;

/// <summary>When a demo report arrives and through which channel.</summary>
internal readonly record struct DemoCaseArrival(DateTimeOffset At, CaseChannel Channel);

/// <summary>Arrivals over the past <see cref="Days"/> days: the channel mix of a city where patrols find most problems,
/// inspectors on working days in office hours with a morning peak, the public every day from early morning to late
/// evening, cameras around the clock, superiors and leaders rarely and in office hours.</summary>
internal static class DemoCaseArrivals
{
    public const int Days = 90;

    private static readonly (CaseChannel Channel, double Weight)[] Mix =
    [
        (CaseChannel.Inspector, 60), (CaseChannel.Citizen, 14), (CaseChannel.Open311, 4), (CaseChannel.Hotline, 12),
        (CaseChannel.VideoOrSensor, 5), (CaseChannel.SuperiorAssignment, 3), (CaseChannel.LeaderInstruction, 2),
    ];

    /// <summary>Relative arrivals per local hour 0–23.</summary>
    private static readonly double[] Patrol = [0, 0, 0, 0, 0, 0, 0, 0.3, 1.5, 2.2, 2.4, 1.8, 0.5, 0.4, 1.0, 1.6, 1.6, 1.0, 0.3, 0, 0, 0, 0, 0];
    private static readonly double[] Public = [0.1, 0.05, 0.03, 0.03, 0.03, 0.05, 0.2, 0.6, 1.3, 1.8, 1.9, 1.5, 1.0, 0.8, 1.0, 1.2, 1.2, 1.1, 1.0, 1.1, 1.2, 0.9, 0.5, 0.25];
    private static readonly double[] Camera = [0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.6];
    private static readonly double[] Office = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0];

    /// <summary><paramref name="count"/> arrivals strictly before <paramref name="now"/>, in time order, whole seconds.</summary>
    public static List<DemoCaseArrival> Plan(int count, DateTimeOffset now, WorkingCalendar calendar, Random random)
    {
        var zone = calendar.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = Enumerable.Range(0, Days + 1).Select(i => today.AddDays(-Days + i)).ToArray();
        var channels = DemoWeights.Cumulative(Mix.Select(m => m.Weight));
        var dayWeights = Mix.Select(m => DemoWeights.Cumulative(days.Select(d => DayWeight(m.Channel, calendar.IsWorkingDay(d))))).ToArray();
        var hourWeights = Mix.Select(m => DemoWeights.Cumulative(HoursOf(m.Channel))).ToArray();
        var arrivals = new List<DemoCaseArrival>(count);
        while (arrivals.Count < count)
        {
            var mix = DemoWeights.Pick(channels, random);
            var day = days[DemoWeights.Pick(dayWeights[mix], random)];
            var hour = DemoWeights.Pick(hourWeights[mix], random);
            var local = day.ToDateTime(new TimeOnly(hour, random.Next(60), random.Next(60)));
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (at < now) arrivals.Add(new DemoCaseArrival(at, Mix[mix].Channel));
        }

        return [.. arrivals.OrderBy(a => a.At)];
    }

    private static double DayWeight(CaseChannel channel, bool workingDay) => channel switch
    {
        CaseChannel.Inspector => workingDay ? 1 : 0.45,
        CaseChannel.Citizen or CaseChannel.Open311 or CaseChannel.Hotline => workingDay ? 1 : 1.15,
        CaseChannel.VideoOrSensor => 1,
        _ => workingDay ? 1 : 0.05,
    };

    private static double[] HoursOf(CaseChannel channel) => channel switch
    {
        CaseChannel.Inspector => Patrol,
        CaseChannel.VideoOrSensor => Camera,
        CaseChannel.SuperiorAssignment or CaseChannel.LeaderInstruction => Office,
        _ => Public,
    };
}
