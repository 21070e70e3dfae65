using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>Which fields the history hash covers: every stored field of an entry (ADR 0006). Changing any one of them
/// changes the entry's hash, and the chain check names that entry as altered.</summary>
public sealed class HistoryHashFieldTests
{
    public static TheoryData<string> HashedFields =>
    [
        "CaseId", "At", "ActorUserId", "ActorName", "ActorRole", "Action", "FromStatus", "ToStatus", "Note", "AttachmentIds",
        "Deadline", "Data",
    ];

    [Theory]
    [MemberData(nameof(HashedFields))]
    public void ChangingOneHashedField_ChangesTheHash_AndVerifyNamesTheEntry(string field)
    {
        var (@case, entries) = Chain();
        var dispatch = entries[2];
        Assert.NotNull(dispatch.Deadline); // the fields under test hold something to change
        Assert.NotNull(dispatch.Data);
        var hash = HistoryChain.ComputeHash(dispatch);

        Change(dispatch, field);

        Assert.NotEqual(hash, HistoryChain.ComputeHash(dispatch));
        var broken = HistoryChain.Verify(entries, @case.LastHistoryHash);
        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("altered", broken?.Problem);
    }

    [Fact]
    public void ChangingThePreviousHash_BreaksTheLink()
    {
        var (@case, entries) = Chain();
        entries[2].PreviousHash = entries[0].Hash;
        Assert.Equal(3, HistoryChain.Verify(entries, @case.LastHistoryHash)?.Sequence);
    }

    private static void Change(CaseHistoryEntry e, string field)
    {
        switch (field)
        {
            case "CaseId": e.CaseId += 1; break;
            case "At": e.At = e.At.AddMilliseconds(1); break;
            case "ActorUserId": e.ActorUserId = (e.ActorUserId ?? 0) + 1; break;
            case "ActorName": e.ActorName += "x"; break;
            case "ActorRole": e.ActorRole += "x"; break;
            case "Action": e.Action = "void"; break;
            case "FromStatus": e.FromStatus = CaseStatus.Verified; break;
            case "ToStatus": e.ToStatus = CaseStatus.Closed; break;
            case "Note": e.Note = (e.Note ?? "") + "x"; break;
            case "AttachmentIds": e.AttachmentIds = Guid.Empty.ToString(); break;
            case "Deadline": e.Deadline += "x"; break;
            case "Data": e.Data += "x"; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "no such field");
        }
    }

    /// <summary>Report → register → dispatch (the dispatch entry has a deadline and data).</summary>
    private static (Case Case, List<CaseHistoryEntry> Entries) Chain()
    {
        var (@case, first) = Case.Report("HK2", "460100",
            new ReportDetails(CaseChannel.Inspector, "井盖缺失", 110.3, 20.0, null, null, null, null, true, CivicGrid.Domain.Catalogue.CatalogueKind.Matter, "06010"),
            Inspector, Tuesday0900, Context, id: 5);
        var entries = new List<CaseHistoryEntry> { first };
        entries.Add(@case.Do(Operator, CaseAction.Register, Tuesday0900.AddMinutes(1)));
        entries.Add(@case.Do(Dispatcher, CaseAction.Dispatch, Tuesday0900.AddMinutes(2), department: 42, note: "派遣"));
        return (@case, entries);
    }
}
