using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace CivicGrid.Server.Tests.Cases;

/// <summary>The audit verb finds a tampered history row; a step's photo must be a real image. The class shares one
/// server: the audit test tampers with its own case only, and the photo test does not verify the history.</summary>
public sealed class CaseAuditAndPhotoTests(SqliteCity city) : IClassFixture<SqliteCity>
{
    [Fact]
    public async Task AuditVerify_FindsAnAlteredHistoryRow_AndNamesIt()
    {
        var created = await city.Report("operator", Reports.At("06013", description: "道路破损 audit"));
        var id = created.GetProperty("id").GetInt64();
        await city.Step("operator", id, new { action = "register", note = "立案" });
        var environment = new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = city.Database.ConnectionString,
            ["CIVICGRID_DATA"] = Path.GetDirectoryName(city.Database.FilePath),
        };
        var intact = await ServerProcess.RunAsync(environment, ServerProcess.Patience, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("OK", intact.Output);

        await using (var db = city.Db())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"CaseHistory\" SET \"Note\" = 'nothing happened' WHERE \"CaseId\" = {id} AND \"Sequence\" = 2");
        }
        var broken = await ServerProcess.RunAsync(environment, ServerProcess.Patience, "audit", "verify");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"case {created.GetProperty("number").GetString()}, history entry 2", broken.Output);
        await using (var db = city.Db())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"CaseHistory\" SET \"Note\" = '立案' WHERE \"CaseId\" = {id} AND \"Sequence\" = 2");
        }
    }

    [Fact]
    public async Task Photos_ATextFileNamedJpg_IsRefused_AndARealPhotoAttachesToAStep()
    {
        var id = (await city.Report("operator", Reports.At("06010", description: "垃圾 photo"))).GetProperty("id").GetInt64();
        var client = await city.SignInAs("operator");
        using var fake = new MultipartFormDataContent { { new ByteArrayContent("this is not a photo"u8.ToArray()), "file", "photo.jpg" } };
        var refused = await client.PostAsync($"/api/v1/cases/{id}/attachments", fake);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));

        using var png = new MemoryStream();
        using (var image = new Image<Rgba32>(640, 480, new Rgba32(200, 30, 30))) await image.SaveAsPngAsync(png);
        using var real = new MultipartFormDataContent { { new ByteArrayContent(png.ToArray()), "file", "现场.png" } };
        var uploaded = await client.PostAsync($"/api/v1/cases/{id}/attachments", real);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photo = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var step = await city.TryStep("operator", id, new { action = "register", attachmentIds = new[] { photo } });
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        var entry = (await step.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry");
        Assert.Equal(photo.ToString(), entry.GetProperty("attachmentIds")[0].GetString());

        var thumbnail = await client.GetAsync($"/api/v1/cases/{id}/attachments/{photo}?variant=thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        using var decoded = Image.Load(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal(320, decoded.Width);
        var again = await city.TryStep("dispatcher", id, new { action = "dispatch", attachmentIds = new[] { photo } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }
}
