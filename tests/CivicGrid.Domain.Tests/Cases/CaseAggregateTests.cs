using System.Reflection;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Cases;
using static CivicGrid.Domain.Tests.Cases.CaseFixture;

namespace CivicGrid.Domain.Tests.Cases;

/// <summary>The case guards its own invariants (issue 15 item 4): every step raises the version by one and seals its
/// history entry into the chain; no one outside the aggregate can change it.</summary>
public sealed class CaseAggregateTests
{
    private static readonly ReportDetails Garbage = new(CaseChannel.Citizen, "路边有暴露垃圾", 110.33, 20.02,
        "46010600100101", "460106001001", "460106001", "460106", true, CatalogueKind.Matter, "06010");

    [Fact]
    public void A_step_raises_the_version_by_one_and_seals_its_entry_onto_the_chain()
    {
        var @case = NewCase();
        var (version, lastHash) = (@case.Version, @case.LastHistoryHash);

        var entry = @case.Do(Operator, CaseAction.Register, Tuesday0900.AddMinutes(1));

        Assert.Equal(version + 1, @case.Version);
        Assert.Equal(lastHash, entry.PreviousHash);
        Assert.Equal(HistoryChain.ComputeHash(entry), entry.Hash);
        Assert.Equal(entry.Hash, @case.LastHistoryHash);
    }

    [Fact]
    public void Linking_a_duplicate_raises_the_version_by_one_and_seals_its_entry()
    {
        var @case = NewCase();
        var version = @case.Version;

        var entry = @case.LinkDuplicate(Garbage, Inspector, Tuesday0900.AddMinutes(5));

        Assert.Equal(version + 1, @case.Version);
        Assert.Equal(HistoryChain.ComputeHash(entry), entry.Hash);
        Assert.Equal(entry.Hash, @case.LastHistoryHash);
    }

    [Fact]
    public void Raising_an_overdue_alert_raises_the_version_by_one_and_seals_its_entry()
    {
        var @case = NewCase();
        var version = @case.Version;

        var (entry, _) = @case.RaiseOverdue(@case.StageDueAt!.Value.AddMinutes(1))!.Value;

        Assert.Equal(version + 1, @case.Version);
        Assert.Equal(entry.Hash, @case.LastHistoryHash);
    }

    [Fact]
    public void A_refused_step_leaves_the_version_and_the_chain_as_they_were()
    {
        var @case = NewCase();
        var (version, lastHash, count) = (@case.Version, @case.LastHistoryHash, @case.HistoryCount);

        Assert.Throws<WorkflowRefusalException>(() => @case.Do(Handler, CaseAction.Close, Tuesday0900.AddMinutes(1)));

        Assert.Equal((version, lastHash, count), (@case.Version, @case.LastHistoryHash, @case.HistoryCount));
    }

    [Fact]
    public void A_report_with_its_id_known_comes_back_sealed_at_version_zero()
    {
        var (@case, entry) = Case.Report("HK1", "460100", Garbage, Operator, Tuesday0900, Context, id: 9);

        Assert.Equal(0, @case.Version);
        Assert.Equal(9, entry.CaseId);
        Assert.Equal(HistoryChain.ComputeHash(entry), entry.Hash);
        Assert.Null(HistoryChain.Verify([entry], @case.LastHistoryHash));
    }

    [Fact]
    public void A_report_stored_without_an_id_is_sealed_once_the_store_gives_it_one_and_never_twice()
    {
        var (@case, entry) = Case.Report("HK1", "460100", Garbage, Operator, Tuesday0900, Context);
        Assert.Equal("", entry.Hash);
        Assert.Throws<InvalidOperationException>(() => @case.SealReport(entry)); // no id yet

        typeof(Case).GetProperty(nameof(Case.Id))!.SetValue(@case, 12L); // what EF Core does after the insert
        @case.SealReport(entry);

        Assert.Equal(12, entry.CaseId);
        Assert.Null(HistoryChain.Verify([entry], @case.LastHistoryHash));
        Assert.Throws<InvalidOperationException>(() => @case.SealReport(entry));
    }

    [Fact]
    public void Only_a_new_cases_report_entry_can_be_sealed_after_the_fact()
    {
        var @case = NewCase();
        var step = @case.Do(Operator, CaseAction.Register, Tuesday0900.AddMinutes(1));

        Assert.Throws<InvalidOperationException>(() => @case.SealReport(step));
    }

    [Fact]
    public void No_property_of_a_case_can_be_set_from_outside_the_aggregate()
    {
        var settable = typeof(Case).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } || p.SetMethod is { IsAssembly: true } || p.SetMethod is { IsFamilyOrAssembly: true })
            .Select(p => p.Name).ToList();

        Assert.Empty(settable);
        Assert.DoesNotContain(typeof(Case).GetConstructors(), c => c.IsPublic);
    }
}
