using System.Diagnostics.CodeAnalysis;
using CivicGrid.Domain.Catalogue;

namespace CivicGrid.Server.Features.Open311;

/// <summary>service_code = the catalogue type's five-digit code with a kind letter in front: C01003 (component
/// 雨水井盖), M06010 (matter). Component and matter codes overlap (01001 is both), so the bare code would be ambiguous.</summary>
public static class Open311ServiceCodes
{
    public static string Of(CatalogueKind kind, string code) => (kind == CatalogueKind.Component ? "C" : "M") + code;

    public static bool TryParse(string? serviceCode, [NotNullWhen(true)] out CatalogueKind? kind, [NotNullWhen(true)] out string? code)
    {
        kind = null;
        code = null;
        if (serviceCode is not { Length: 6 } || !serviceCode[1..].All(char.IsAsciiDigit)) return false;
        kind = char.ToUpperInvariant(serviceCode[0]) switch
        {
            'C' => CatalogueKind.Component,
            'M' => CatalogueKind.Matter,
            _ => null,
        };
        if (kind is null) return false;
        code = serviceCode[1..];
        return true;
    }
}
