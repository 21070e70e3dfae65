using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>The GeoReport v2 contract: exact field names and types in both formats, errors, dates with a time zone,
/// empty parameters, paging and updated_after.</summary>
public abstract class Open311ContractTests<TDatabase>(CityHost<TDatabase> city) where TDatabase : TestDatabase, new()
{
    protected CityHost<TDatabase> City => city;

    [Fact]
    public async Task Discovery_InBothFormats_NamesTheEndpointAndItsFormats()
    {
        var json = await city.Open311Json("/open311/v2/discovery.json");
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], json.EnumerateObject().Select(p => p.Name));
        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray().ToList());
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2/", endpoint.GetProperty("url").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var xml = await city.Open311Xml("/open311/v2/discovery.xml");
        Assert.Equal("discovery", xml.Name.LocalName);
        var formats = xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value);
        Assert.Equal(["text/xml", "application/json"], formats);
    }

    [Fact]
    public async Task Services_AreTheCatalogue_WithGroupMetadataAndTypes()
    {
        var services = (await city.Open311Json("/open311/v2/services.json")).EnumerateArray().ToList();
        Assert.True(services.Count > 100, $"{services.Count} services");
        foreach (var s in services)
        {
            Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], s.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^[CM][0-9]{5}$", s.GetProperty("service_code").GetString());
            Assert.Equal("realtime", s.GetProperty("type").GetString());
            Assert.Equal(s.GetProperty("service_code").GetString()![0] == 'C' ? JsonValueKind.True : JsonValueKind.False, s.GetProperty("metadata").ValueKind);
            Assert.Equal(JsonValueKind.String, s.GetProperty("group").ValueKind);
        }
        var cover = services.Single(s => s.GetProperty("service_code").GetString() == "C01003");
        Assert.Equal("雨水井盖", cover.GetProperty("service_name").GetString());
        Assert.Equal("市政公用设施", cover.GetProperty("group").GetString());

        var xml = await city.Open311Xml("/open311/v2/services.xml");
        Assert.Equal("services", xml.Name.LocalName);
        Assert.Equal(services.Count, xml.Elements("service").Count());
        var first = xml.Elements("service").First();
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], first.Elements().Select(e => e.Name.LocalName));
        Assert.True(first.Element("metadata")!.Value is "true" or "false");
    }

    [Fact]
    public async Task ServiceDefinition_OfAComponentType_ListsItsAttributes_AndAnUnknownCodeIs404()
    {
        var json = await city.Open311Json("/open311/v2/services/C01003.json");
        Assert.Equal("C01003", json.GetProperty("service_code").GetString());
        var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["component_id", "condition"], attributes.Select(a => a.GetProperty("code").GetString()));
        foreach (var a in attributes)
        {
            Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"], a.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.True, a.GetProperty("variable").ValueKind);
            Assert.Equal(JsonValueKind.False, a.GetProperty("required").ValueKind);
            Assert.Equal(JsonValueKind.Number, a.GetProperty("order").ValueKind);
        }
        var condition = attributes[1];
        Assert.Equal("singlevaluelist", condition.GetProperty("datatype").GetString());
        Assert.Contains(condition.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "lost" && v.GetProperty("name").GetString() == "丢失");

        var xml = await city.Open311Xml("/open311/v2/services/C01003.xml");
        Assert.Equal("service_definition", xml.Name.LocalName);
        var values = xml.Element("attributes")!.Elements("attribute").Last().Element("values")!.Elements("value").ToList();
        Assert.Equal(["key", "name"], values[0].Elements().Select(e => e.Name.LocalName));

        var matter = await city.Open311Json("/open311/v2/services/M06010.json");
        Assert.Empty(matter.GetProperty("attributes").EnumerateArray());

        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/services/C99999.json"), HttpStatusCode.NotFound);
        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/services/nonsense.xml"), HttpStatusCode.NotFound, xml: true);
    }

    [Fact]
    public async Task Submit_AnswersIdTokenNoticeAccount_AndTheRequestShowsNoReporterContact()
    {
        var answer = await city.Open311Submit(Forms.Report("M07001", lon: 110.3312, description: "共享单车乱停放",
            ("email", "li.xiansheng@example.com"), ("first_name", "李"), ("last_name", "先生"), ("phone", "13912345678"),
            ("account_id", "acc-7"), ("media_url", "https://img.example.com/p/1.jpg"), ("address_string", "海口市龙华区某路")));
        Assert.Equal(["service_request_id", "token", "service_notice", "account_id"], answer.EnumerateObject().Select(p => p.Name));
        var id = answer.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^HK\d{13}$", id);
        Assert.Equal("acc-7", answer.GetProperty("account_id").GetString());
        Assert.Contains(id, answer.GetProperty("service_notice").GetString());

        var response = await city.Anonymous.GetAsync($"/open311/v2/requests/{id}.json");
        var body = await response.Content.ReadAsStringAsync();
        foreach (var contact in new[] { "li.xiansheng", "13912345678", "先生" }) Assert.DoesNotContain(contact, body);
        var request = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray().ToList());
        Assert.Equal(Open311Asserts.RequestFields, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("M07001", request.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind); // words are public once staff approve them
        Assert.Equal("海口市龙华区某路", request.GetProperty("address").GetString());
        Assert.Equal("https://img.example.com/p/1.jpg", request.GetProperty("media_url").GetString());
        Assert.Equal(JsonValueKind.Number, request.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Number, request.GetProperty("long").ValueKind);
        Assert.True(Math.Abs(request.GetProperty("lat").GetDouble() - 20.02) < 1e-6);
        Assert.Matches(Open311Asserts.W3cCityTime(), request.GetProperty("requested_datetime").GetString());
        Assert.Matches(Open311Asserts.W3cCityTime(), request.GetProperty("updated_datetime").GetString());
        var requested = DateTimeOffset.Parse(request.GetProperty("requested_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(requested, city.Time.GetUtcNow().AddMinutes(-15), city.Time.GetUtcNow());

        var xml = await city.Open311Xml($"/open311/v2/requests/{id}.xml");
        Assert.Equal("service_requests", xml.Name.LocalName);
        var element = Assert.Single(xml.Elements("request").ToList());
        Assert.Equal(Open311Asserts.RequestFields, element.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("", element.Element("zipcode")!.Value);
        Assert.DoesNotContain("13912345678", xml.ToString());
        var approved = await (await city.SignInAs("operator")).PutAsJsonAsync($"/api/v1/cases/{await city.CaseIdOf(id)}/public-text",
            new { description = "共享单车乱停放", resultNote = (string?)null });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var reviewed = Assert.Single((await city.Open311Json($"/open311/v2/requests/{id}.json")).EnumerateArray().ToList());
        Assert.Equal("共享单车乱停放", reviewed.GetProperty("description").GetString());

        var token = answer.GetProperty("token").GetString()!;
        var byToken = Assert.Single((await city.Open311Json($"/open311/v2/tokens/{token}.json")).EnumerateArray().ToList());
        Assert.Equal(["service_request_id", "token"], byToken.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, byToken.GetProperty("service_request_id").GetString());
        var tokenXml = await city.Open311Xml($"/open311/v2/tokens/{token}.xml");
        Assert.Equal(id, tokenXml.Element("request")!.Element("service_request_id")!.Value);
        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/tokens/unknown-token.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SensitiveTypes_ShowTheBlurredCellCentre_AndNoDescription()
    {
        var answer = await city.Open311Submit(Forms.ReportAt(20.02037, 110.33171, "M08016", "邻居家后院加盖二层"));
        var request = Assert.Single((await city.Open311Json($"/open311/v2/requests/{answer.GetProperty("service_request_id").GetString()}.json")).EnumerateArray().ToList());
        var (lon, lat) = Features.PublicService.PositionBlur.Snap(110.33171, 20.02037, 200); // the public map's 200 m cell
        Assert.Equal(lat, request.GetProperty("lat").GetDouble());
        Assert.Equal(lon, request.GetProperty("long").GetDouble());
        Assert.DoesNotContain("邻居家后院", request.GetRawText());
    }

    [Fact]
    public async Task Submit_InXml_AnswersServiceRequestsRequest()
    {
        var response = await city.TryOpen311Submit(Forms.Report("M09006", lon: 110.3288, description: "占道经营"), format: "xml");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("service_requests", root.Name.LocalName);
        Assert.Equal(["service_request_id", "token", "service_notice", "account_id"], root.Element("request")!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Errors_AreListsOfCodeAndDescription_WithTheSpecsStatusCodes()
    {
        var noKey = await city.TryOpen311Submit([.. Forms.Report(), new("api_key", "")]);
        var error = await Open311Asserts.AssertErrorAsync(noKey, HttpStatusCode.Forbidden);
        Assert.Contains("api_key", error);
        await Open311Asserts.AssertErrorAsync(await city.TryOpen311Submit([.. Forms.Report(), new("api_key", "cg_nothing_known")], "xml"), HttpStatusCode.Forbidden, xml: true);

        using var json = new StringContent("{\"service_code\":\"M06010\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Contains("x-www-form-urlencoded", await Open311Asserts.AssertErrorAsync(await city.Anonymous.PostAsync("/open311/v2/requests.json", json), HttpStatusCode.BadRequest));

        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.json?jurisdiction_id=999900"), HttpStatusCode.NotFound);
        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/services.xml?jurisdiction_id=999900"), HttpStatusCode.NotFound, xml: true);
        Assert.Contains("start_date", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.json?start_date=yesterday"), HttpStatusCode.BadRequest));
        Assert.Contains("time zone", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.json?start_date=2026-11-20T10:00:00"), HttpStatusCode.BadRequest));
        Assert.Contains("status", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.xml?status=pending"), HttpStatusCode.BadRequest, xml: true));
        Assert.Contains("90 days", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync(
            "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"), HttpStatusCode.BadRequest));
        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests/HK0000000000000.json"), HttpStatusCode.NotFound);
        foreach (var extreme in new[] { "start_date=0001-01-01", "end_date=9999-12-31", "start_date=9999-12-31T23:59:59-14:00", "updated_after=0001-01-01T00:00:00Z" })
            await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync($"/open311/v2/requests.json?{extreme}"), HttpStatusCode.BadRequest);
        await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/servicerequestupdates.xml?end_date=0001-01-01"), HttpStatusCode.BadRequest, xml: true);
        Assert.Contains(".json or .xml", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/services.csv"), HttpStatusCode.NotFound));

        var addressOnly = await city.TryOpen311Submit([new("service_code", "M06010"), new("address_string", "海口市龙华区某路"), new("description", "垃圾")]);
        Assert.Contains("address_string", await Open311Asserts.AssertErrorAsync(addressOnly, HttpStatusCode.BadRequest));
        var outside = await city.TryOpen311Submit(Forms.ReportAt(39.9, 116.4));
        Assert.Contains("lat", await Open311Asserts.AssertErrorAsync(outside, HttpStatusCode.BadRequest));
        var unknownService = await city.TryOpen311Submit(Forms.Report("M99999"));
        Assert.Contains("service_code", await Open311Asserts.AssertErrorAsync(unknownService, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task EmptyOptionalParameters_AreTreatedAsMissing()
    {
        await city.Open311Submit(Forms.Report("M07001", lon: 110.3325, description: "空参数测试"));
        var plain = await city.Open311Json("/open311/v2/requests.json");
        var empty = await city.Open311Json("/open311/v2/requests.json?jurisdiction_id=&service_code=&status=&start_date=&end_date=&page=&page_size=&extensions=&updated_after=");
        Assert.True(plain.GetArrayLength() > 0);
        Assert.Equal(plain.GetRawText(), empty.GetRawText());
        await city.Open311Json("/open311/v2/services.json?jurisdiction_id=");

        // An empty optional field of a submission is the same as a missing one too.
        var answer = await city.Open311Submit([.. Forms.Report("M07001", lon: 110.3338, description: "空字段"), new("email", ""), new("media_url", ""), new("attribute[x]", "")]);
        Assert.Matches(@"^HK\d{13}$", answer.GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task Filters_ByServiceCodeStatusAndIdList_AndServiceRequestIdOverridesTheOthers()
    {
        var a = (await city.Open311Submit(Forms.Report("M06001", lon: 110.3275, description: "过滤 A"))).GetProperty("service_request_id").GetString()!;
        var b = (await city.Open311Submit(Forms.Report("M06013", lon: 110.3265, description: "过滤 B"))).GetProperty("service_request_id").GetString()!;
        var onlyA = await city.Open311Json("/open311/v2/requests.json?service_code=M06001");
        Assert.All(onlyA.EnumerateArray(), r => Assert.Equal("M06001", r.GetProperty("service_code").GetString()));
        Assert.Contains(onlyA.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == a);
        var both = await city.Open311Json($"/open311/v2/requests.json?service_request_id={a},{b}&service_code=C01001&status=closed");
        Assert.Equal(new[] { a, b }.Order(), both.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).Order());
        var open = await city.Open311Json("/open311/v2/requests.json?status=open&service_code=M06001,M06013");
        Assert.All(open.EnumerateArray(), r => Assert.Equal("open", r.GetProperty("status").GetString()));
        Assert.True(open.GetArrayLength() >= 2);
        Assert.DoesNotContain((await city.Open311Json("/open311/v2/requests.json?status=closed&service_code=M06001,M06013")).EnumerateArray(),
            r => r.GetProperty("service_request_id").GetString() is var id && (id == a || id == b));
    }

    [Fact]
    public async Task Paging_AndUpdatedAfter_SelectTheRightRequests()
    {
        for (var i = 0; i < 3; i++) await city.Open311Submit(Forms.Report("M06027", lon: 110.3240 + i * 0.0012, description: $"分页 {i}"));
        var all = (await city.Open311Json("/open311/v2/requests.json?service_code=M06027")).EnumerateArray().Select(Id).ToList();
        Assert.True(all.Count >= 3);
        var page1 = (await city.Open311Json("/open311/v2/requests.json?service_code=M06027&page_size=2&page=1")).EnumerateArray().Select(Id).ToList();
        var page2 = (await city.Open311Json("/open311/v2/requests.json?service_code=M06027&page_size=2&page=2")).EnumerateArray().Select(Id).ToList();
        Assert.Equal(2, page1.Count);
        Assert.Equal(all.Take(2), page1);
        Assert.Equal(all.Skip(2).Take(2), page2);
        Assert.Contains("page_size", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.json?page_size=0"), HttpStatusCode.BadRequest));
        Assert.Contains("page", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync("/open311/v2/requests.json?page=abc"), HttpStatusCode.BadRequest));

        city.Time.Advance(TimeSpan.FromMinutes(10));
        var mark = city.Time.GetUtcNow();
        city.Time.Advance(TimeSpan.FromSeconds(1));
        var fresh = (await city.Open311Submit(Forms.Report("M06027", lon: 110.3205, description: "之后"))).GetProperty("service_request_id").GetString();
        var since = Uri.EscapeDataString(mark.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var updated = (await city.Open311Json($"/open311/v2/requests.json?updated_after={since}")).EnumerateArray().ToList();
        Assert.Contains(fresh, updated.Select(Id));
        Assert.DoesNotContain(all[0], updated.Select(Id));
        Assert.All(updated, r => Assert.True(DateTimeOffset.Parse(r.GetProperty("updated_datetime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > mark));
        var before = (await city.Open311Json($"/open311/v2/requests.xml?updated_before={since}".Replace(".xml", ".json", StringComparison.Ordinal))).EnumerateArray().Select(Id).ToList();
        Assert.DoesNotContain(fresh, before);
        var xml = await city.Open311Xml($"/open311/v2/requests.xml?updated_after={since}");
        Assert.Contains(fresh, xml.Elements("request").Select(r => r.Element("service_request_id")!.Value));

        static string Id(JsonElement r) => r.GetProperty("service_request_id").GetString()!;
    }

    [Fact]
    public async Task Idempotency_ByHeaderOrDeviceId_ReplaysTheSameRequest()
    {
        var form = Forms.Report("M06028", lon: 110.3355, description: "幂等");
        var first = await city.Open311Submit(form, idempotencyKey: "retry-1");
        var again = await city.Open311Submit(form, idempotencyKey: "retry-1");
        Assert.Equal(first.GetProperty("service_request_id").GetString(), again.GetProperty("service_request_id").GetString());
        Assert.Equal(first.GetProperty("token").GetString(), again.GetProperty("token").GetString());
        var other = await city.TryOpen311Submit(Forms.Report("M06028", lon: 110.3355, description: "另一个"), idempotencyKey: "retry-1");
        await Open311Asserts.AssertErrorAsync(other, HttpStatusCode.BadRequest);

        var device = Forms.Report("M06029", lon: 110.3368, description: "设备重试", ("device_id", "phone-42"));
        var d1 = await city.Open311Submit(device);
        var d2 = await city.Open311Submit(device);
        Assert.Equal(d1.GetProperty("token").GetString(), d2.GetProperty("token").GetString());

        // Without any key, a repeat is still linked to the open case (duplicate), with a token of its own.
        var dup = await city.Open311Submit(Forms.Report("M06029", lon: 110.3368, description: "同一处"));
        Assert.Equal(d1.GetProperty("service_request_id").GetString(), dup.GetProperty("service_request_id").GetString());
        Assert.NotEqual(d1.GetProperty("token").GetString(), dup.GetProperty("token").GetString());
    }

    [Fact]
    public async Task ServiceRequestUpdates_ListThePublicStepsInBothFormats()
    {
        var mark = city.Time.GetUtcNow().AddSeconds(-1);
        var id = (await city.Open311Submit(Forms.Report("M06040", lon: 110.3380, description: "更新"))).GetProperty("service_request_id").GetString();
        var start = Uri.EscapeDataString(mark.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        var updates = (await city.Open311Json($"/open311/v2/servicerequestupdates.json?start_date={start}")).EnumerateArray().ToList();
        var update = Assert.Single(updates, u => u.GetProperty("service_request_id").GetString() == id);
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"], update.EnumerateObject().Select(p => p.Name));
        Assert.Equal("OPEN", update.GetProperty("status").GetString());
        Assert.Matches(Open311Asserts.W3cCityTime(), update.GetProperty("updated_datetime").GetString());
        var xml = await city.Open311Xml($"/open311/v2/servicerequestupdates.xml?start_date={start}");
        Assert.Equal("service_request_updates", xml.Name.LocalName);
        Assert.Contains(id, xml.Elements("request_update").Select(u => u.Element("service_request_id")!.Value));
        Assert.Contains("end_date", await Open311Asserts.AssertErrorAsync(await city.Anonymous.GetAsync($"/open311/v2/servicerequestupdates.json?start_date={start}&end_date=2020-01-01"), HttpStatusCode.BadRequest));
    }
}

/// <summary>The spec's shapes, shared by the Open311 tests.</summary>
public static partial class Open311Asserts
{
    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$")]
    public static partial Regex W3cCityTime();

    /// <summary>Asserts the spec's error format and returns the descriptions.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, bool xml = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        return AssertErrorBody(body, (int)status, xml);
    }

    public static string AssertErrorBody(string body, int status, bool xml)
    {
        if (xml)
        {
            var root = XDocument.Parse(body).Root!;
            Assert.Equal("errors", root.Name.LocalName);
            var errors = root.Elements("error").ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e =>
            {
                Assert.Equal(["code", "description"], e.Elements().Select(x => x.Name.LocalName));
                Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value);
            });
            return string.Join(" ", errors.Select(e => e.Element("description")!.Value));
        }
        var list = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(list);
        Assert.All(list, e =>
        {
            Assert.Equal(["code", "description"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal(status, e.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("description").GetString()));
        });
        return string.Join(" ", list.Select(e => e.GetProperty("description").GetString()));
    }
}

public sealed class SqliteOpen311ContractTests(SqliteCity city) : Open311ContractTests<SqliteTestDatabase>(city), IClassFixture<SqliteCity>;

public sealed class PostgresOpen311ContractTests(PostgresCity city) : Open311ContractTests<PostgresTestDatabase>(city), IClassFixture<PostgresCity>;
