using CivicGrid.Domain.Assessment;

namespace CivicGrid.Domain.Tests.Assessment;

/// <summary>
/// A 100-point rural-garbage sheet modelled on docs/domain/modules.md §7 (制度 9, 垃圾治理 18, 洁净度 73) plus a veto item,
/// and answers for it.
/// </summary>
internal static class SampleSheets
{
    public static ScoringTemplate RuralGarbage(bool frozen = false) => new("rural-garbage", "农村生活垃圾治理督查考评评分表", 1,
    [
        new("A", "制度",
        [
            new("A1", "长效保洁制度", 3, PassFailRule.Instance),
            new("A2", "村规民约", 3, PassFailRule.Instance),
            new("A3", "门前三包", 3, PassFailRule.Instance, Evidence.Photo, EvidenceWhen.Always),
        ]),
        new("B", "垃圾治理",
        [
            new("B1", "垃圾池或填埋", 12, new DeductionRule(6, 12), Evidence.Photo),
            new("B2", "垃圾满溢", 6, new DeductionRule(1, 6), Evidence.Photo),
        ]),
        new("C", "洁净度",
        [
            new("C1", "公共区域垃圾点", 40, new DeductionRule(0.5m, 40), Evidence.Photo | Evidence.Note),
            new("C2", "露天粪坑", 33, new DeductionRule(3, 20)),
        ]),
        new("V", "一票否决", [new("V1", "重大环境污染事件", 0, PassFailRule.Instance, Evidence.Note, veto: true)]),
    ], frozen);

    /// <summary>Every item passed or without occurrences, with the always-required photo of A3.</summary>
    public static List<ItemAnswer> AllClear() =>
    [
        ItemAnswer.PassFail("A1", true), ItemAnswer.PassFail("A2", true), ItemAnswer.PassFail("A3", true, Evidence.Photo),
        ItemAnswer.Counted("B1", 0), ItemAnswer.Counted("B2", 0),
        ItemAnswer.Counted("C1", 0), ItemAnswer.Counted("C2", 0),
        ItemAnswer.PassFail("V1", true),
    ];

    /// <summary>The all-clear answers with some replaced (by item code).</summary>
    public static List<ItemAnswer> AllClearExcept(params ItemAnswer[] changed) =>
        [.. AllClear().Select(a => changed.FirstOrDefault(c => c.ItemCode == a.ItemCode) ?? a)];
}
