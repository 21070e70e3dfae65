using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Catalogue;

/// <summary>The catalogue's read endpoints over the bare host. The tests only read, so the class shares one server.</summary>
public sealed class CatalogueEndpointTests(CatalogueEndpointTests.City city) : IClassFixture<CatalogueEndpointTests.City>
{
    /// <summary>An empty city whose shipped standard for 06029 is replaced by a known one.</summary>
    public sealed class City() : CityHost<SqliteTestDatabase>(CityOptions.EmptyCity)
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = Db();
            await db.CaseStandards.Where(s => s.Kind == CatalogueKind.Matter && s.TypeCode == "06029").ExecuteDeleteAsync(); // the shipped one
            db.CaseStandards.Add(new CaseStandard
            {
                Kind = CatalogueKind.Matter, TypeCode = "06029", RegistrationCondition = "占道露天烧烤", ClosingCondition = "烧烤摊点已撤离",
                DepartmentRule = HandlingDepartmentRule.DistrictOfCase, TimeType = TimeType.UrgentHour, TimeLimitAmount = 60, IsUrgent = true,
            });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Classes_ListTheStandardMajorClassesOfBothKinds()
    {
        var classes = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/classes");
        Assert.Contains(classes!, c => c.GetProperty("kind").GetString() == "component" && c.GetProperty("majorCode").GetString() == "04"
                                        && c.GetProperty("name").GetString() == "园林绿化设施");
        Assert.Contains(classes!, c => c.GetProperty("kind").GetString() == "matter" && c.GetProperty("majorCode").GetString() == "09"
                                        && c.GetProperty("name").GetString() == "街面秩序类");
    }

    [Fact]
    public async Task Types_FilteredByKindAndText_FindTheMatter()
    {
        var types = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/types?kind=matter&q=烧烤");
        var only = Assert.Single(types!);
        Assert.Equal("06029", only.GetProperty("code").GetString());
        Assert.Equal("06", only.GetProperty("majorCode").GetString());
    }

    [Fact]
    public async Task Types_OfAMajorClass_AreComponentsAndMattersWithThatPrefix()
    {
        var types = await city.Anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/catalogue/types?kind=component&major=02");
        Assert.NotEmpty(types!);
        Assert.All(types!, t => Assert.StartsWith("02", t.GetProperty("code").GetString()));
        Assert.Contains(types!, t => t.GetProperty("code").GetString() == "02014" && t.GetProperty("name").GetString() == "交通信号灯");
    }

    [Fact]
    public async Task OneType_ShowsItsCaseStandard()
    {
        var detail = await city.Anonymous.GetFromJsonAsync<JsonElement>("/api/v1/catalogue/types/matter/06029");
        var standard = detail.GetProperty("standard");
        Assert.Equal("urgent_hour", standard.GetProperty("timeType").GetString());
        Assert.Equal(60, standard.GetProperty("timeLimitAmount").GetInt32());
        Assert.Equal("DistrictOfCase", standard.GetProperty("departmentRule").GetString());
    }

    [Fact]
    public async Task UnknownType_Answers404Problem_AndABadKind400NamingKind()
    {
        var missing = await city.Anonymous.GetAsync("/api/v1/catalogue/types/component/99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var bad = await city.Anonymous.GetAsync("/api/v1/catalogue/types?kind=event");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }
}
