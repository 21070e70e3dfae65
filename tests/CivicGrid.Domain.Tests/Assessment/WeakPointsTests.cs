using CivicGrid.Domain.Assessment;
using static CivicGrid.Domain.Tests.Assessment.SampleSheets;

namespace CivicGrid.Domain.Tests.Assessment;

public sealed class WeakPointsTests
{
    [Fact]
    public void Weak_points_rank_items_by_the_share_of_points_lost_across_subjects()
    {
        var template = RuralGarbage();
        var sheets = new[]
        {
            SheetScorer.Score(template, AllClearExcept(ItemAnswer.Counted("B2", 3, Evidence.Photo), ItemAnswer.Counted("C1", 4, Evidence.Photo | Evidence.Note))),
            SheetScorer.Score(template, AllClearExcept(ItemAnswer.Counted("B2", 1, Evidence.Photo))),
            SheetScorer.Score(template, AllClear()),
        };

        var weak = WeakPoints.Find(sheets);

        // B2: 4 of 18 points at stake lost on 2 of 3 sheets; C1: 2 of 120 on 1 sheet; untouched items are not listed
        Assert.Equal(["B2", "C1"], weak.Select(w => w.ItemCode));
        Assert.Equal(new ItemWeakness("B2", 3, 2, 4m, 0.2222m), weak[0]);
        Assert.Equal(0.0167m, weak[1].LossRate);
    }
}
