using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>A report that came in through Open311 is handled by staff on the internal API like any other; Open311
/// then shows it closed, with the public notes history under extensions=true and no staff names or notes.</summary>
public sealed class Open311WorkflowTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task Open311Report_HandledByStaff_ShowsClosedWithPublicNotes()
    {
        var start = Uri.EscapeDataString(city.Time.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        var answer = await city.Open311Submit(Forms.Report("M06010", lon: 110.3302, description: "路边暴露垃圾，气味很大",
            ("first_name", "王"), ("last_name", "小明"), ("phone", "13700001111")));
        var number = answer.GetProperty("service_request_id").GetString()!;

        var operatorClient = await city.SignInAs("operator");
        var found = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={number}");
        var staffCase = found.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("number").GetString() == number);
        Assert.Equal("Open311", staffCase.GetProperty("channel").GetString());
        Assert.Equal("王 小明", staffCase.GetProperty("reporter").GetProperty("name").GetString());
        var id = staffCase.GetProperty("id").GetInt64();

        await city.Step("operator", id, new { action = "register", note = "王小明反映属实，直接立案" });
        await city.Step("dispatcher", id, new { action = "dispatch" });
        var dispatched = Assert.Single((await city.Open311Json($"/open311/v2/requests/{number}.json")).EnumerateArray().ToList());
        Assert.Equal("open", dispatched.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, dispatched.GetProperty("agency_responsible").ValueKind);
        Assert.Matches(Open311Asserts.W3cCityTime(), dispatched.GetProperty("expected_datetime").GetString());
        await city.CloseAfterDispatch(id, feedbackNote: "李梅已清运");

        var closed = Assert.Single((await city.Open311Json($"/open311/v2/requests/{number}.json?extensions=true")).EnumerateArray().ToList());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("closed", closed.GetProperty("detailed_status").GetString());
        Assert.Equal([.. Open311Asserts.RequestFields, "detailed_status", "notes"], closed.EnumerateObject().Select(p => p.Name));
        var notes = closed.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(["report", "register", "dispatch", "accept", "feedback", "request_check", "check", "close"], notes.Select(n => n.GetProperty("action").GetString()));
        Assert.Equal(["reported", "registered", "dispatched", "handling", "fed_back", "checking", "awaiting_close", "closed"], notes.Select(n => n.GetProperty("status").GetString()));
        Assert.All(notes, n =>
        {
            Assert.Equal(["action", "datetime", "status", "note"], n.EnumerateObject().Select(p => p.Name));
            Assert.Matches(Open311Asserts.W3cCityTime(), n.GetProperty("datetime").GetString());
        });
        var text = closed.GetRawText();
        foreach (var personal in new[] { "王小明", "小明", "13700001111", "李梅", "林峰", "黄丽", "直接立案" }) Assert.DoesNotContain(personal, text);

        var plain = Assert.Single((await city.Open311Json($"/open311/v2/requests/{number}.json")).EnumerateArray().ToList());
        Assert.False(plain.TryGetProperty("notes", out _));

        var xml = await city.Open311Xml($"/open311/v2/requests.xml?service_request_id={number}&extensions=true");
        var request = xml.Element("request")!;
        Assert.Equal("closed", request.Element("status")!.Value);
        Assert.Equal(8, request.Element("notes")!.Elements("note").Count());

        var closedList = await city.Open311Json("/open311/v2/requests.json?status=closed&service_code=M06010");
        Assert.Contains(closedList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);

        var updates = (await city.Open311Json($"/open311/v2/servicerequestupdates.json?start_date={start}")).EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == number).ToList();
        Assert.Equal(["OPEN", "ACTION_SCHEDULED", "ACTION_SCHEDULED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "FIXED"],
            updates.Select(u => u.GetProperty("status").GetString()));
    }
}
