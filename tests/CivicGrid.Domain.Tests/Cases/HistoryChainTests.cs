using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

public sealed class HistoryChainTests
{
    private static (Case Case, List<CaseHistoryEntry> Entries) Chain()
    {
        var (@case, first) = Case.Report("HK1", "460100",
            new ReportDetails(CaseChannel.Inspector, "井盖缺失", 110.3, 20.0, null, null, null, null, true, CivicGrid.Domain.Catalogue.CatalogueKind.Matter, "06010"),
            Inspector, Tuesday0900, Context, id: 5);
        var entries = new List<CaseHistoryEntry> { first };
        entries.Add(@case.Do(Operator, CaseAction.Register, Tuesday0900.AddMinutes(1)));
        entries.Add(@case.Do(Dispatcher, CaseAction.Dispatch, Tuesday0900.AddMinutes(2), department: 42));
        return (@case, entries);
    }

    [Fact]
    public void Verify_AnIntactChain_FindsNothing()
    {
        var (@case, entries) = Chain();
        Assert.Null(HistoryChain.Verify(entries, @case.LastHistoryHash));
    }

    [Fact]
    public void Verify_AnAlteredNote_NamesThatEntry()
    {
        var (@case, entries) = Chain();
        entries[1].Note = "tampered";
        var broken = HistoryChain.Verify(entries, @case.LastHistoryHash);
        Assert.Equal(2, broken?.Sequence);
        Assert.Contains("altered", broken?.Problem);
    }

    [Fact]
    public void Verify_AnAlteredActorRecomputedHash_BreaksTheNextLink()
    {
        var (@case, entries) = Chain();
        entries[0].ActorName = "someone else";
        entries[0].Hash = HistoryChain.ComputeHash(entries[0]);
        Assert.Equal(2, HistoryChain.Verify(entries, @case.LastHistoryHash)?.Sequence);
    }

    [Fact]
    public void Verify_TheNewestEntryRemoved_IsCaughtByTheCasesLastHash()
    {
        var (@case, entries) = Chain();
        entries.RemoveAt(2);
        Assert.Equal(3, HistoryChain.Verify(entries, @case.LastHistoryHash)?.Sequence);
    }

    [Fact]
    public void Verify_AMiddleEntryRemoved_NamesTheGap()
    {
        var (@case, entries) = Chain();
        entries.RemoveAt(1);
        Assert.Equal(2, HistoryChain.Verify(entries, @case.LastHistoryHash)?.Sequence);
    }
}
