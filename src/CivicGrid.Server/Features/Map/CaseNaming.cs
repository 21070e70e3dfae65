using CivicGrid.Domain.Catalogue;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Organisation;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.Map;

/// <summary>The names a person reads beside a case marker or row (type, department, place) in the UI's language,
/// from memory: the catalogue and departments (<see cref="ReferenceCache"/>) and the city model (<see cref="PlaceNames"/>).
/// Codes stay only where no name is known.</summary>
public sealed class CaseNaming(ReferenceCache reference, PlaceNames places)
{
    public async Task<Names> GetAsync(CancellationToken cancellationToken) =>
        new(await reference.GetAsync(), await places.GetAsync(cancellationToken), UiText.CurrentLanguage == UiText.English);

    public sealed class Names(ReferenceCache.Snapshot reference, PlaceNameBook places, bool english)
    {
        public string? Type(CatalogueKind? kind, string? code) =>
            code is null ? null
            : kind is { } k && reference.Types.TryGetValue((k, code), out var type) ? (english ? type.NameEn : type.Name)
            : reference.Types.Values.FirstOrDefault(t => t.Code == code) is { } any ? (english ? any.NameEn : any.Name) : code;

        public string? Department(int? id) =>
            id is { } d && reference.Departments.TryGetValue(d, out var department) ? (english ? department.NameEn : department.Name) : null;

        /// <summary>Street and community, the place a person on duty knows a case by; the district when nothing finer is known.</summary>
        public string? Place(string? districtCode, string? streetCode, string? communityCode) =>
            streetCode is null && communityCode is null ? Area(districtCode) : places.Chain(null, communityCode, streetCode);

        public string? Area(string? code) => code is null ? null : places.Name(code);
    }
}
