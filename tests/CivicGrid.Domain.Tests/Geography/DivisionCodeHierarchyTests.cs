using CivicGrid.Domain.Geography;

namespace CivicGrid.Domain.Tests.Geography;

public class DivisionCodeHierarchyTests
{
    [Theory]
    [InlineData("460105001001", "460105001")]
    [InlineData("460105001", "460105")]
    [InlineData("460105", "460100")]
    [InlineData("469001", "469000")]
    [InlineData("441900003", "441900")] // street directly under a city without districts
    public void Parent_IsTheNextLevelUp(string child, string expected)
    {
        Assert.Equal(DivisionCode.Parse(expected), DivisionCode.Parse(child).Parent);
    }

    [Theory]
    [InlineData("460100")]
    [InlineData("441900")]
    public void Parent_OfACity_IsNull(string city)
    {
        Assert.Null(DivisionCode.Parse(city).Parent);
    }

    [Fact]
    public void Parent_OfAStreetUnderACityWithoutDistricts_IsCityLevel()
    {
        Assert.Equal(AdministrativeLevel.City, DivisionCode.Parse("441900003").Parent?.Level);
    }

    [Theory]
    [InlineData("460105001001", "460100")]
    [InlineData("460105001", "460100")]
    [InlineData("460105", "460100")]
    [InlineData("460100", "460100")]
    [InlineData("110101", "110100")]
    public void CityCode_IsTheFirstFourDigitsAndDoubleZero(string text, string expected)
    {
        Assert.Equal(expected, DivisionCode.Parse(text).CityCode.Value);
    }

    [Theory]
    [InlineData("460105001001", "460105")]
    [InlineData("460106001", "460106")]
    [InlineData("460107", "460107")]
    public void DistrictCode_IsTheFirstSixDigits(string text, string expected)
    {
        Assert.Equal(expected, DivisionCode.Parse(text).DistrictCode.Value);
    }

    [Theory]
    [InlineData("460100", "460105", true)]
    [InlineData("460100", "460105001", true)]
    [InlineData("460100", "460105001001", true)]
    [InlineData("460105", "460105001001", true)]
    [InlineData("460105001", "460105001001", true)]
    [InlineData("441900", "441900003", true)]
    [InlineData("460105", "460105", false)] // not its own ancestor
    [InlineData("460105001001", "460105", false)] // descendant, not ancestor
    [InlineData("460105", "460106001", false)] // sibling district
    [InlineData("460105001", "460105002001", false)] // sibling street
    [InlineData("460100", "460200001", false)] // other city (三亚)
    [InlineData("460105", "460100", false)]
    public void IsAncestorOf_FollowsTheParentChain(string ancestor, string descendant, bool expected)
    {
        Assert.Equal(expected, DivisionCode.Parse(ancestor).IsAncestorOf(DivisionCode.Parse(descendant)));
    }

    [Fact]
    public void IsAncestorOf_WithDefaultCodes_IsFalse()
    {
        var haikou = DivisionCode.Parse("460100");

        Assert.False(haikou.IsAncestorOf(default));
        Assert.False(default(DivisionCode).IsAncestorOf(haikou));
    }
}
