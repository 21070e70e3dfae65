using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Open311;

/// <summary>A few thousand malformed submissions (seeded, so every run sends the same): each is answered 4xx in the
/// spec's error format, none creates a case, and the server is healthy afterwards.</summary>
public sealed class Open311FuzzTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    private const int Submissions = 2500;

    private static readonly string[] Injections =
    [
        "' OR 1=1 --", "\"; DROP TABLE \"Cases\"; --", "<script>alert(1)</script>", "]]><x>", "../../etc/passwd", "${jndi:ldap://x}",
        "%00", "\u0000", "{{7*7}}", "\u202Etxt.exe", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/passwd\">]>",
    ];

    private static readonly string[] ServiceCodes = ["", "M", "M0601", "M060100", "X06010", "m99999", "C99999", "06010", "M06010 ", "M０６０１０", "null", "[]"];

    private static readonly string[] Numbers = ["", "abc", "NaN", "Infinity", "-Infinity", "1e400", "91", "-90.0001", "181", "-180.5", "0x14", "20,02", "20.02.1", "1" + new string('0', 40), " "];

    private static readonly string[] Required = ["service_code", "lat", "long"];

    private static readonly string[] Optional =
        ["description", "email", "phone", "first_name", "address_string", "media_url", "device_id", "account_id", "attribute[component_id]"];

    private static readonly string[] ContentTypes =
        ["application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml", "application/x-www-form-urlencoded; charset=latin1", "", "garbage/"];

    [Fact]
    public async Task MalformedSubmissions_AreAll4xxInTheErrorFormat_CreateNoCase_AndTheServerStaysHealthy()
    {
        var before = await CountCasesAsync();
        var key = await city.Open311Key();
        var random = new Random(311);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Submissions; i++)
        {
            var xml = random.Next(4) == 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{(xml ? "xml" : "json")}") { Content = Malformed(random, i, key) };
            using var response = await city.Anonymous.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status is >= 400 and < 500, $"#{i}: {status} {body}");
            Open311Asserts.AssertErrorBody(body, status, xml);
        }
        Assert.Equal(before, await CountCasesAsync());
        Assert.True(statuses.GetValueOrDefault(400) > Submissions / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.GetValueOrDefault(403) > 0);
        var health = await city.Anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // And a good report still goes through.
        await city.Open311Submit(Forms.Report("M06041", lon: 110.3296, description: "模糊测试之后"));
        Assert.Equal(before + 1, await CountCasesAsync());
    }

    private async Task<int> CountCasesAsync()
    {
        await using var db = city.Db();
        return await db.Cases.CountAsync();
    }

    /// <summary>One bad submission: a valid-looking form with one or more things broken, or a broken body.</summary>
    private static ByteArrayContent Malformed(Random random, int i, string key)
    {
        switch (random.Next(10))
        {
            case 0: // wrong content type
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Encode(Valid())));
                var type = ContentTypes[random.Next(ContentTypes.Length)];
                if (type.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", type);
                return content;
            }
            case 1: // invalid UTF-8 (raw or percent-encoded)
            {
                var bytes = new List<byte>(Encoding.ASCII.GetBytes(Encode(Valid()) + "&description="));
                if (random.Next(2) == 0) bytes.AddRange([0xC3, 0x28, 0xFF, 0xFE, 0x80]);
                else bytes.AddRange(Encoding.ASCII.GetBytes("%C3%28%FF%ED%A0%80"));
                return Form(bytes.ToArray());
            }
            case 2: // broken percent-encoding or repeated fields
                return Form(Encoding.ASCII.GetBytes(Encode(Valid()) + (random.Next(2) == 0 ? "&description=%E4%B8" : "&service_code=M06010&x=%zz")));
            case 3: // huge values
            {
                var fields = Valid();
                var field = Optional[random.Next(Optional.Length)];
                fields[field] = new string('长', random.Next(2) == 0 ? 4001 : 20_000);
                return Form(Encoding.UTF8.GetBytes(Encode(fields)));
            }
            case 4: // a body over the size limit
                return Form(Encoding.ASCII.GetBytes("description=" + new string('a', 70_000)));
            default: // field-level mischief
            {
                var fields = Valid();
                for (var n = random.Next(1, 4); n > 0; n--) Break(fields, random);
                return Form(Encoding.UTF8.GetBytes(Encode(fields)));
            }
        }

        Dictionary<string, string> Valid() => new()
        {
            ["api_key"] = key,
            ["service_code"] = "M06010",
            ["lat"] = (20.02 + i * 1e-6).ToString(CultureInfo.InvariantCulture),
            ["long"] = "110.33",
            ["description"] = "fuzz " + i,
        };
    }

    private static void Break(Dictionary<string, string> fields, Random random)
    {
        string Injection() => Injections[random.Next(Injections.Length)];
        switch (random.Next(12))
        {
            case 0: fields.Remove(Required[random.Next(Required.Length)]); break;
            case 1: fields["service_code"] = ServiceCodes[random.Next(ServiceCodes.Length)] is { Length: > 0 } code ? code : Injection(); break;
            case 2: fields["lat"] = Numbers[random.Next(Numbers.Length)] is { Length: > 0 } lat ? lat : Injection(); break;
            case 3: fields["long"] = Numbers[random.Next(Numbers.Length)] is { Length: > 0 } lon ? lon : Injection(); break;
            case 4: fields["api_key"] = random.Next(2) == 0 ? Injection() : "cg_" + random.Next(); break;
            case 5: fields.Remove("api_key"); break;
            case 6: fields["email"] = Injection(); break;
            case 7: fields["media_url"] = random.Next(2) == 0 ? "javascript:alert(1)" : Injection(); break;
            case 8: fields[$"attribute[{Injection()}]"] = Injection(); break;
            case 9: fields["service_code"] = "C01003"; fields["attribute[condition]"] = random.Next(2) == 0 ? "broken" : Injection(); break;
            case 10: fields["jurisdiction_id"] = random.Next(2) == 0 ? "999999" : Injection(); break;
            default: fields["lat"] = "39.9"; fields["long"] = "116.4"; break; // Beijing: outside the city
        }
    }

    private static string Encode(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static ByteArrayContent Form(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
