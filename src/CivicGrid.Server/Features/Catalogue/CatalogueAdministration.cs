using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>An administrator's change to a catalogue type: its names and flags. Null flags keep the current value
/// (a new type: not an extension, not sensitive, active).</summary>
public sealed record CatalogueTypeChange(string? Name, string? NameEn, string? LegacyCode, bool? IsExtension, bool? IsSensitive, bool? IsActive);

/// <summary>Administrators extend and correct the catalogue in the running system: add a type to an existing major
/// class, change a type's names and flags, deactivate it (cases and standards refer to it, so it is never deleted) and
/// set its case standard. One code path for the staff UI and the internal API; every committed change is announced
/// through <see cref="ReferenceDataChanges"/> so that in-memory copies are dropped.</summary>
public sealed partial class CatalogueAdministration(CivicGridDbContext db, ReferenceDataChanges changes, ILogger<CatalogueAdministration> logger)
{
    public async Task<ReferenceDataResult<CatalogueType>> AddTypeAsync(string? kindText, string? codeText, CatalogueTypeChange change,
        string admin, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var kind = ParseKind(kindText, problems);
        var code = codeText?.Trim();
        if (!CatalogueCode.TryParse(code, out _))
        {
            problems.Add(new("code", "admin.code.invalid",
                $"code must be a catalogue type code of GB/T 47678.5: 5 digits, major class 01-99 and minor class 001-999 (got '{codeText}')."));
        }
        else if (kind is { } k && code![..2] is var major && !await db.CatalogueClasses.AnyAsync(c => c.Kind == k && c.MajorCode == major, cancellationToken))
        {
            problems.Add(new("code", "admin.code.noclass", $"code: there is no {KindCode(k)} major class {major}; import the class first."));
        }
        Check(change, requireName: true, problems);
        if (problems.Count > 0) return ReferenceDataResult.Invalid<CatalogueType>(problems);
        if (await db.CatalogueTypes.AnyAsync(t => t.Kind == kind && t.Code == code, cancellationToken)) return Duplicate(kind!.Value, code!);

        var type = new CatalogueType
        {
            Kind = kind!.Value, Code = code!, Name = change.Name!.Trim(), NameEn = change.NameEn?.Trim() ?? "",
            LegacyCode = Blank(change.LegacyCode), IsExtension = change.IsExtension ?? false, IsSensitive = change.IsSensitive ?? false,
            IsActive = change.IsActive ?? true,
        };
        db.CatalogueTypes.Add(type);
        if (ShippedCaseStandards.For(type.Kind, type.Code, type.Name) is { } standard) db.CaseStandards.Add(standard); // else not offered until saved
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await ExistsElsewhereAsync(type, cancellationToken)) return Duplicate(type.Kind, type.Code); // added meanwhile by someone else
            throw;
        }
        LogTypeAdded(logger, admin, type.Kind, type.Code, type.Name);
        changes.NotifyChanged();
        return ReferenceDataResult.Done(type);
    }

    public async Task<ReferenceDataResult<CatalogueType>> UpdateTypeAsync(CatalogueKind kind, string code, CatalogueTypeChange change,
        string admin, CancellationToken cancellationToken)
    {
        var type = await db.CatalogueTypes.SingleOrDefaultAsync(t => t.Kind == kind && t.Code == code, cancellationToken);
        if (type is null) return ReferenceDataResult.NotFound<CatalogueType>();
        var problems = new List<FieldProblem>();
        Check(change, requireName: false, problems);
        if (problems.Count > 0) return ReferenceDataResult.Invalid<CatalogueType>(problems);
        if (change.Name is not null) type.Name = change.Name.Trim();
        if (change.NameEn is not null) type.NameEn = change.NameEn.Trim();
        if (change.LegacyCode is not null) type.LegacyCode = Blank(change.LegacyCode);
        type.IsExtension = change.IsExtension ?? type.IsExtension;
        type.IsSensitive = change.IsSensitive ?? type.IsSensitive;
        type.IsActive = change.IsActive ?? type.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        LogTypeChanged(logger, admin, kind, code, type.Name, type.IsExtension, type.IsSensitive, type.IsActive);
        changes.NotifyChanged();
        return ReferenceDataResult.Done(type);
    }

    /// <summary>Reads "component" or "matter" (any case).</summary>
    public static bool TryParseKind(string? text, out CatalogueKind kind)
    {
        var matter = string.Equals(text, "matter", StringComparison.OrdinalIgnoreCase);
        kind = matter ? CatalogueKind.Matter : CatalogueKind.Component;
        return matter || string.Equals(text, "component", StringComparison.OrdinalIgnoreCase);
    }

    public static string KindCode(CatalogueKind kind) => kind == CatalogueKind.Component ? "component" : "matter";

    private static CatalogueKind? ParseKind(string? text, List<FieldProblem> problems)
    {
        if (TryParseKind(text?.Trim(), out var kind)) return kind;
        problems.Add(new("kind", "admin.kind.invalid", $"kind must be 'component' or 'matter' (got '{text}')."));
        return null;
    }

    private static void Check(CatalogueTypeChange change, bool requireName, List<FieldProblem> problems)
    {
        if ((requireName || change.Name is not null) && string.IsNullOrWhiteSpace(change.Name))
            problems.Add(new("name", "admin.name.required", "name is required."));
        else if (change.Name?.Trim().Length > 64) problems.Add(new("name", "admin.text.long", "name is at most 64 characters."));
        if (change.NameEn?.Trim().Length > 128) problems.Add(new("nameEn", "admin.text.long", "nameEn is at most 128 characters."));
        if (change.LegacyCode?.Trim() is { Length: > 0 } legacy && (legacy.Length > 16 || !legacy.All(char.IsAsciiDigit)))
            problems.Add(new("legacyCode", "admin.legacy.invalid", "legacyCode is at most 16 digits (the GB/T 30428.2 code)."));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ReferenceDataResult<CatalogueType> Duplicate(CatalogueKind kind, string code) =>
        ReferenceDataResult.Conflict<CatalogueType>(new("code", "admin.code.taken", $"code: there is already a {KindCode(kind)} type {code}."));

    private async Task<bool> ExistsElsewhereAsync(CatalogueType type, CancellationToken cancellationToken)
    {
        db.Entry(type).State = EntityState.Detached;
        foreach (var added in db.ChangeTracker.Entries<CaseStandard>().Where(e => e.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
        return await db.CatalogueTypes.AsNoTracking().AnyAsync(t => t.Kind == type.Kind && t.Code == type.Code, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Admin} added catalogue type {Kind} {Code} {Name}")]
    private static partial void LogTypeAdded(ILogger logger, string admin, CatalogueKind kind, string code, string name);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Administrator {Admin} changed catalogue type {Kind} {Code}: {Name}, extension {Extension}, sensitive {Sensitive}, active {Active}")]
    private static partial void LogTypeChanged(ILogger logger, string admin, CatalogueKind kind, string code, string name, bool extension, bool sensitive, bool active);
}
