using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CivicGrid.Server.Tests.Auth;
using CivicGrid.Server.Tests.Infrastructure;

namespace CivicGrid.Server.Tests.Hosting;

/// <summary>Odd but harmless requests get a proper answer: no 500, no wrapped page numbers, no quota spent by
/// looking, no decompression bomb decoded.</summary>
public sealed class RequestEdgeCaseTests : IAsyncLifetime
{
    private CityHost<SqliteTestDatabase> _city = null!;

    public async Task InitializeAsync() =>
        _city = await CityHost.StartAsync<SqliteTestDatabase>(CityOptions.DemoCity.With("--PublicService:ReportsPerIpPerMinute=2"));

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0d%0a/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    public async Task TheLanguageSwitch_WithAReturnUrlOffThisSite_GoesHome(string returnUrl)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _city.Anonymous.BaseAddress };
        var response = await client.GetAsync("/culture?lang=en&returnUrl=" + returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ViewingTheReportPage_DoesNotSpendTheReportQuota()
    {
        for (var view = 0; view < 4; view++)
            Assert.Equal(HttpStatusCode.OK, (await _city.Anonymous.GetAsync("/public/report")).StatusCode);

        var report = await _city.Anonymous.PostAsync("/api/public/reports", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/cases?page=2147483647", "page")]
    [InlineData("/api/v1/cases?page=2147483647&pageSize=200", "page")]
    [InlineData("/api/v1/evaluation/cases?kind=district&measure=received&period=2026&page=2147483647", "page")]
    public async Task AHugePageNumber_Is400NamingPage_NotAWrappedFirstPage(string url, string field)
    {
        using var client = new HttpClient { BaseAddress = _city.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _city.Anonymous.SignInAsync("leader"));
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open311_CannotBeConfiguredForPagesWhoseOffsetWouldWrap()
    {
        // page runs to 1,000,000 in Open311; with 10,000 results a page, (page - 1) × page_size passed int.MaxValue.
        await using var database = new SqliteTestDatabase();
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => RunningServer.StartAsync(database, demo: false, "--Open311:MaxResults=10000"));

        Assert.Contains(failure.Failures, f => f.Contains("Open311:MaxResults", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APhotoUpload_WithAWrongContentType_Is415()
    {
        var response = await _city.Anonymous.PostAsync("/api/public/photos", new StringContent("not a form", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ASmallPngDeclaringSevenThousandPixelsSquare_IsRefusedBeforeDecoding()
    {
        var png = FlatPng(7000, 7000);
        Assert.True(png.Length < 100_000, $"the bomb is {png.Length} bytes");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "flat.png" } };
        var response = await _city.Anonymous.PostAsync("/api/public/photos", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("7000 × 7000", body, StringComparison.Ordinal);
        Assert.Contains("Attachments:MaxPixels", body, StringComparison.Ordinal);
        // The refusal names the size the header declares, which only the header check reports (a decode would have
        // failed differently). No wall-clock limit here: timings belong in bench/, and a loaded machine breaks them.
    }

    /// <summary>A real, valid grey PNG of the given size: every row all zero, so it deflates to almost nothing.</summary>
    private static byte[] FlatPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace 0
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var deflate = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[width + 1];
                for (var y = 0; y < height; y++) deflate.Write(row);
            }
            Chunk(png, "IDAT", pixels.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
