using System.Globalization;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Open311;

/// <summary>The fields of an Open311 submission checked and turned into an <see cref="IntakeRequest"/>; each problem
/// is a message naming the Open311 parameter. Extension: <c>crs</c> (wgs84, gcj02 or bd09) says which coordinate
/// system lat/long are in, as clients built on AMap, WeChat or Baidu maps send GCJ-02 or BD-09.</summary>
public static class Open311SubmissionFields
{
    public sealed record Fields(IntakeRequest Intake, string? MediaUrl);

    public sealed record Parsed(Fields? Fields, List<string> Errors);

    public static async Task<Parsed> ParseAsync(Open311Form form, CivicGridDbContext db, CatalogueTypeCheck types, ReferenceCache reference,
        bool english, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        string? serviceName = null;
        var serviceCode = form["service_code"];
        Domain.Catalogue.CatalogueKind? kind = null;
        string? code = null;
        if (serviceCode is null) errors.Add("service_code is required: choose a service from services.json.");
        else if (!Open311ServiceCodes.TryParse(serviceCode, out kind, out code))
            errors.Add($"service_code '{Open311Form.Shown(serviceCode)}' is not a service code (a letter C or M and five digits, e.g. M06010).");
        else
        {
            var (k, c) = (kind, code);
            // Offered = active with a case standard, as intake checks it: remembered, not read per submission (issue 16).
            if (!await types.IsActiveAsync(db, k!.Value, c!, cancellationToken)
                || !(await reference.GetAsync()).Types.TryGetValue((k.Value, c!), out var type))
            {
                errors.Add($"service_code {serviceCode} is not a service of this jurisdiction.");
            }
            else serviceName = english ? type.NameEn : type.Name;
        }

        var lat = Coordinate(form, "lat", 90, errors);
        var lon = Coordinate(form, "long", 180, errors);
        if (form["lat"] is null && form["long"] is null)
        {
            errors.Add(form["address_string"] is null
                ? "lat and long are required: give the position of the problem."
                : "lat and long are required: this jurisdiction cannot geocode address_string, send the position with it.");
        }
        else if (form["lat"] is null || form["long"] is null) errors.Add("lat and long go together: give both.");

        var crs = form["crs"];
        if (crs is not null && !Domain.Geography.CoordinateSystems.TryParse(crs, out _)) errors.Add("crs must be wgs84, gcj02 or bd09.");

        var description = form["description"];
        if (description is { Length: > CaseIntake.MaxDescriptionLength }) errors.Add($"description is at most {CaseIntake.MaxDescriptionLength} characters.");
        else if (description is not null && string.IsNullOrWhiteSpace(description)) description = null;

        var attributes = Attributes(form, kind, errors);
        if (attributes.TryGetValue(Open311Attributes.Condition, out var condition) && kind is { } ofKind)
        {
            var value = Open311Attributes.For(ofKind).Single(a => a.Code == Open311Attributes.Condition).Values.Single(v => v.Key == condition);
            var suffix = english ? $" (condition: {value.NameEn})" : $"（部件状况：{value.Name}）";
            description = (description ?? serviceName) + suffix;
            if (description?.Length > CaseIntake.MaxDescriptionLength) errors.Add($"description is at most {CaseIntake.MaxDescriptionLength - suffix.Length} characters with this condition.");
        }
        description ??= serviceName;

        var email = Limited(form, "email", 254, errors);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))) errors.Add("email is not an e-mail address.");
        var phone = Limited(form, "phone", 32, errors);
        var first = Limited(form, "first_name", 64, errors);
        var last = Limited(form, "last_name", 64, errors);
        var name = string.Join(" ", new[] { first, last }.Where(n => n is not null)).Trim();
        if (name.Length > 64) errors.Add("first_name and last_name together are at most 64 characters.");
        var address = Limited(form, "address_string", 256, errors);
        var mediaUrl = Limited(form, "media_url", 1024, errors);
        if (mediaUrl is not null && (!Uri.TryCreate(mediaUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors.Add("media_url must be an absolute http or https URL.");
        Limited(form, "device_id", 128, errors);
        Limited(form, "account_id", 128, errors);

        if (errors.Count > 0) return new Parsed(null, errors);
        attributes.TryGetValue(Open311Attributes.ComponentId, out var componentId);
        var intake = new IntakeRequest(CaseChannel.Open311, description, lat, lon, crs, kind!.Value.ToString().ToLowerInvariant(), code,
            componentId, address, name.Length == 0 ? null : name, phone, email);
        return new Parsed(new Fields(intake, mediaUrl), errors);
    }

    /// <summary>Intake's field names back in Open311's words.</summary>
    public static string OurName(string intakeField) => intakeField switch
    {
        "latitude" => "lat",
        "longitude" => "long",
        "typeCode" or "kind" => "service_code",
        "componentId" => $"attribute[{Open311Attributes.ComponentId}]",
        "reporterEmail" => "email",
        "reporterPhone" => "phone",
        "reporterName" => "first_name",
        "address" => "address_string",
        _ => intakeField,
    };

    private static double? Coordinate(Open311Form form, string name, double limit, List<string> errors)
    {
        if (form[name] is not { } text) return null;
        if (text.Length > 32 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || Math.Abs(value) > limit)
        {
            errors.Add($"{name} must be a decimal number between -{limit} and {limit}.");
            return null;
        }
        return value;
    }

    private static string? Limited(Open311Form form, string name, int max, List<string> errors)
    {
        var value = form[name]?.Trim();
        if (value is { Length: 0 }) return null;
        if (value is { Length: > 0 } && value.Length > max) errors.Add($"{name} is at most {max} characters.");
        return value;
    }

    private static Dictionary<string, string> Attributes(Open311Form form, Domain.Catalogue.CatalogueKind? kind, List<string> errors)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = kind is { } k ? Open311Attributes.For(k) : [];
        foreach (var (name, value) in form.Values)
        {
            if (!name.StartsWith("attribute[", StringComparison.Ordinal) || value.Length == 0) continue;
            if (!name.EndsWith(']')) { errors.Add($"{Open311Form.Shown(name)} is not of the form attribute[code]."); continue; }
            var code = name["attribute[".Length..^1];
            var attribute = known.FirstOrDefault(a => a.Code == code);
            if (attribute is null)
            {
                if (kind is not null) errors.Add($"{Open311Form.Shown(name)} is not an attribute of this service (see services/{{service_code}}.json).");
                continue;
            }
            if (attribute.Values.Count > 0 && attribute.Values.All(v => v.Key != value))
                errors.Add($"{name} must be one of {string.Join(", ", attribute.Values.Select(v => v.Key))}.");
            else if (attribute.Code == Open311Attributes.ComponentId && (value.Length != 17 || !value.All(char.IsAsciiDigit)))
                errors.Add($"{name} must be the 17-digit component ID.");
            else given[code] = value;
        }
        if (kind is not null)
        {
            foreach (var required in known.Where(a => a.Required && !given.ContainsKey(a.Code)))
                errors.Add($"attribute[{required.Code}] is required for this service.");
        }
        return given;
    }
}
