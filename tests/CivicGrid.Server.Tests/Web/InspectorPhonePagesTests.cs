using System.Net;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Web;

/// <summary>The inspector's phone pages over plain HTTP (issue 18 item 6): the report form takes a type by its exact name
/// or a part of it, and says which types a too short part matches; the task list names the place. Each test reports its
/// own case at its own spot.</summary>
public sealed class InspectorPhonePagesTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private static async Task<HttpResponseMessage> ReportAsync(SignInForm phone, string type, string description, double dx)
    {
        var page = await phone.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/m/report"));
        var token = SignInForm.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var centre = CivicGrid.Server.Seeding.DemoCity.CentrePoint;
        return await phone.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/m/report")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "report", ["__RequestVerificationToken"] = token, ["Input.Key"] = Guid.NewGuid().ToString("N"),
                ["Input.Type"] = type, ["Input.Description"] = description,
                ["Input.Longitude"] = (centre.Longitude + dx).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Latitude"] = centre.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
        });
    }

    private async Task<SignInForm> InspectorAsync(string address)
    {
        var phone = new SignInForm(city.Anonymous.BaseAddress!, address);
        Assert.True(SignInForm.SignedIn(await phone.PostAsync("inspector", StaffAccounts.Password, windowWidth: 390)));
        return phone;
    }

    [Theory]
    [InlineData("暴露垃圾", "198.51.100.41", 0.0017)]
    [InlineData("暴露垃", "198.51.100.42", 0.0029)]
    [InlineData("06010", "198.51.100.43", 0.0041)]
    public async Task TheReportForm_TakesATypeByItsNameOrPartOfIt(string typed, string address, double dx)
    {
        using var phone = await InspectorAsync(address);
        var description = $"手机上报 {Guid.NewGuid():N}";

        var response = await ReportAsync(phone, typed, description, dx);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{typed}: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        Assert.Contains("/m/report?created=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = city.Db();
        var reported = await db.Cases.AsNoTracking().SingleAsync(c => c.Description == description);
        Assert.Equal("06010", reported.TypeCode);
    }

    [Fact]
    public async Task APartThatFitsSeveralTypes_IsRefused_NamingThem()
    {
        using var phone = await InspectorAsync("198.51.100.44");

        var response = await ReportAsync(phone, "垃圾", $"手机上报 {Guid.NewGuid():N}", 0.0053);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("有多个类型符合", html, StringComparison.Ordinal);
        Assert.Contains("暴露垃圾", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTaskList_NamesThePlace_AndItsDueTime()
    {
        var id = (await city.Report("operator", Cases.Reports.At(lon: CivicGrid.Server.Seeding.DemoCity.CentrePoint.Longitude + 0.0065,
            description: $"核实任务 {Guid.NewGuid():N}", channel: "Hotline"))).GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "request_verification" });
        using var phone = await InspectorAsync("198.51.100.45");

        var html = await (await phone.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/m"))).Content.ReadAsStringAsync();

        var item = html[html.IndexOf($"href=\"/m/task/{id}\"", StringComparison.Ordinal)..];
        item = item[..item.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Matches("data-testid=\"task-place\">[^<]*区[^<]*街道", item); // district and street by name, not by code
        Assert.Contains("<time datetime=", item, StringComparison.Ordinal); // the due time beside the light
        Assert.Contains("data-task-distance", item, StringComparison.Ordinal);
    }
}
