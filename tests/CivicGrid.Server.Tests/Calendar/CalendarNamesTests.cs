using CivicGrid.Server.Features.Calendar;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Calendar;

/// <summary>Holiday names in the UI's language (issue 18 item 7): the shipped calendar names its days in both languages
/// ("春节 Spring Festival"); the administration page shows the Chinese part to a Chinese page.</summary>
public sealed class CalendarNamesTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Theory]
    [InlineData("Spring Festival 春节", "zh-CN", "春节")]
    [InlineData("Spring Festival 春节", "en", "Spring Festival")]
    [InlineData("New Year's Day 元旦", "zh-CN", "元旦")]
    [InlineData("春节调休 Spring Festival", "zh-CN", "春节调休")]
    [InlineData("元旦 New Year's Day", "en", "New Year's Day")]
    [InlineData("调休", "en", "调休")]
    [InlineData("Company day", "zh-CN", "Company day")]
    public void ABilingualName_ShowsThePartOfTheLanguage(string name, string language, string shown) =>
        Assert.Equal(shown, CalendarDayNames.Show(name, language));

    [Fact]
    public async Task TheCalendarPage_NamesTheHolidaysInChinese()
    {
        using var browser = new SignInForm(city.Anonymous.BaseAddress!, "198.51.100.51");
        Assert.True(SignInForm.SignedIn(await browser.PostAsync("admin", StaffAccounts.Password)));

        var html = await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/calendar"))).Content.ReadAsStringAsync();

        Assert.Contains("<td>春节</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring Festival", html, StringComparison.Ordinal);
    }
}
