using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Open311;

/// <summary>discovery, services and services/{service_code}: the service list is the catalogue's offered types (active, with a case standard)
/// (group = the major class's name, keywords = both names and the old GB/T 30428.2 code).</summary>
public static class Open311ServiceHandlers
{
    public const string Changeset = "2026-11-26T00:00:00+08:00";

    public static IResult Discovery(string format, HttpRequest request, IOptions<Open311Options> options)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2/";
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("discovery", Open311Object.Of(
            ("changeset", Changeset),
            ("contact", options.Value.Contact),
            ("key_service", options.Value.KeyService),
            ("endpoints", new Open311List("endpoint",
            [
                Open311Object.Of(("specification", "http://wiki.open311.org/GeoReport_v2"), ("url", url), ("changeset", Changeset),
                    ("type", "production"), ("formats", new Open311List("format", [new Open311Value("text/xml"), new Open311Value("application/json")]))),
            ])))));
    }

    public static async Task<IResult> List(string format, string? jurisdiction_id, HttpRequest request, CivicGridDbContext db,
        Open311City cities, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        if (await cities.FindAsync(jurisdiction_id, cancellationToken) is null)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(jurisdiction_id));
        var english = Open311Statuses.English(request);
        var classes = await db.CatalogueClasses.AsNoTracking().ToDictionaryAsync(c => (c.Kind, c.MajorCode), cancellationToken);
        var types = await db.CatalogueTypes.AsNoTracking().Offered(db).OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        var services = types.Select(t =>
        {
            var group = classes.TryGetValue((t.Kind, t.MajorCode), out var c) ? (english ? c.NameEn : c.Name) : null;
            return (Open311Node)Open311Object.Of(
                ("service_code", Open311ServiceCodes.Of(t.Kind, t.Code)),
                ("service_name", english ? t.NameEn : t.Name),
                ("description", Description(t, english)),
                ("metadata", Open311Attributes.For(t.Kind).Count > 0),
                ("type", "realtime"),
                ("keywords", string.Join(",", new[] { t.Name, t.NameEn, t.Code, t.LegacyCode }.Where(k => !string.IsNullOrEmpty(k)))),
                ("group", group));
        }).ToList();
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("services", new Open311List("service", services)));
    }

    public static async Task<IResult> Definition(string service_code, string format, string? jurisdiction_id, HttpRequest request,
        CivicGridDbContext db, Open311City cities, CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        if (await cities.FindAsync(jurisdiction_id, cancellationToken) is null)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(jurisdiction_id));
        if (!Open311ServiceCodes.TryParse(service_code, out var kind, out var code))
            return Open311Errors.NotFound(fmt, $"service_code '{Open311Form.Shown(service_code)}' is not a service here.");
        var exists = await db.CatalogueTypes.Where(t => t.Kind == kind && t.Code == code).Offered(db).AnyAsync(cancellationToken);
        if (!exists) return Open311Errors.NotFound(fmt, $"service_code '{service_code}' is not a service here.");
        var english = Open311Statuses.English(request);
        var attributes = Open311Attributes.For(kind.Value).Select(a => (Open311Node)Open311Object.Of(
            ("variable", true),
            ("code", a.Code),
            ("datatype", a.Datatype),
            ("required", a.Required),
            ("datatype_description", a.DatatypeDescription),
            ("order", a.Order),
            ("description", english ? a.DescriptionEn : a.Description),
            ("values", new Open311List("value", a.Values.Select(v => (Open311Node)Open311Object.Of(("key", v.Key), ("name", english ? v.NameEn : v.Name))).ToList())))).ToList();
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_definition", Open311Object.Of(
            ("service_code", Open311ServiceCodes.Of(kind.Value, code)),
            ("attributes", new Open311List("attribute", attributes)))));
    }

    private static string Description(CatalogueType t, bool english) =>
        t.Kind == CatalogueKind.Component
            ? (english ? $"A problem with a {t.NameEn} (component {t.Code})" : $"{t.Name}（部件 {t.Code}）损坏、丢失等问题")
            : (english ? $"{t.NameEn} (matter {t.Code})" : $"{t.Name}（事项 {t.Code}）");
}
