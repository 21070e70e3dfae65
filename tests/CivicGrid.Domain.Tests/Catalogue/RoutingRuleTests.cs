using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Domain.Tests.Catalogue;

public sealed class RoutingRuleTests
{
    private static RoutingRule Rule(string? type, string? area, int department, int priority = 0) => new()
    {
        CityCode = "460100", Kind = type is null ? null : CatalogueKind.Matter, TypeCode = type, AreaCode = area,
        DepartmentId = department, Priority = priority,
    };

    [Theory]
    [InlineData("06010", "460106", true)]
    [InlineData("06010", "460106001", true)]
    [InlineData("06010", "46010600100101", true)]
    [InlineData("06010", "460105", false)]
    [InlineData("09009", "460106", false)]
    [InlineData(null, "460106", true)]
    [InlineData(null, null, true)]
    public void Matches_ByTypeAndAreaPrefix(string? type, string? area, bool expected) =>
        Assert.Equal(expected, Rule(type, area, 1).Matches(CatalogueKind.Matter, "06010", "46010600100101", "460106001001"));

    [Fact]
    public void MostSpecificRuleWins_TypeBeforeArea_LongerAreaBeforeShorter_ThenPriority()
    {
        RoutingRule[] rules = [Rule(null, "46010600100101", 1), Rule("06010", "460106", 2), Rule("06010", "460106001", 3), Rule("06010", "460106001", 4, priority: 5), Rule("06010", null, 5)];
        var winner = rules.Where(r => r.Matches(CatalogueKind.Matter, "06010", "46010600100101", "460106001001")).MaxBy(r => r.Specificity);
        Assert.Equal(4, winner!.DepartmentId);
    }

    [Fact]
    public void InactiveRule_NeverMatches()
    {
        var rule = Rule(null, null, 1);
        rule.IsActive = false;
        Assert.False(rule.Matches(CatalogueKind.Matter, "06010", "46010600100101", "460106001001"));
    }
}
