using CivicGrid.Data;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>An administrator's change to a catalogue type: its names and flags. Null flags keep the current value
/// (a new type: not an extension, not sensitive, active).</summary>
public sealed record CatalogueTypeChange(string? Name, string? NameEn, string? LegacyCode, bool? IsExtension, bool? IsSensitive, bool? IsActive);

/// <summary>An administrator's case standard (立结案标准) for a type, as entered. Department rule: a
/// <see cref="HandlingDepartmentRule"/> name; time type: a <see cref="TimeTypeCodes"/> code.</summary>
public sealed record CaseStandardChange(string? RegistrationCondition, string? ClosingCondition, string? DepartmentRule, int? DepartmentId,
    string? TimeType, int? TimeLimitAmount, bool? IsUrgent);

/// <summary>Administrators extend and correct the catalogue in the running system: add a type to an existing major
/// class, change a type's names and flags, deactivate it (cases and standards refer to it, so it is never deleted) and
/// set its case standard. One code path for the staff UI and the internal API; every committed change is announced
/// through <see cref="ReferenceDataChanges"/> so that in-memory copies are dropped.</summary>
public sealed partial class CatalogueAdministration(CivicGridDbContext db, ReferenceDataChanges changes, ILogger<CatalogueAdministration> logger)
{
    /// <summary>Longest time limit: 30 days in minutes for the hour types, a year for the day types.</summary>
    public const int MaxMinutes = 60 * 24 * 30, MaxDays = 366;

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

    /// <summary>Creates or replaces the case standard of a type. Cases already registered keep the deadline they
    /// have; the new limits apply to the stages that start afterwards.</summary>
    public async Task<ReferenceDataResult<CaseStandard>> SaveStandardAsync(CatalogueKind kind, string code, CaseStandardChange change,
        string admin, CancellationToken cancellationToken)
    {
        if (!await db.CatalogueTypes.AnyAsync(t => t.Kind == kind && t.Code == code, cancellationToken)) return ReferenceDataResult.NotFound<CaseStandard>();
        var problems = new List<FieldProblem>();
        var registration = Condition(change.RegistrationCondition, "registrationCondition", problems);
        var closing = Condition(change.ClosingCondition, "closingCondition", problems);
        HandlingDepartmentRule rule = default;
        if (change.DepartmentRule is null || !Enum.TryParse(change.DepartmentRule.Trim(), ignoreCase: true, out rule)
            || !Enum.IsDefined(rule) || change.DepartmentRule.Trim().All(char.IsAsciiDigit))
        {
            problems.Add(new("departmentRule", "admin.rule.invalid",
                $"departmentRule must be one of {string.Join(", ", Enum.GetNames<HandlingDepartmentRule>())} (got '{change.DepartmentRule}')."));
        }
        if (change.DepartmentId is { } department)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == department && d.IsActive, cancellationToken))
                problems.Add(new("departmentId", "admin.department.required", $"departmentId: there is no active department {department}."));
        }
        else if (rule == HandlingDepartmentRule.FixedDepartment)
        {
            problems.Add(new("departmentId", "admin.department.required", "departmentId is required when departmentRule is FixedDepartment."));
        }
        if (!TimeTypeCodes.TryParse(change.TimeType, out var timeType))
        {
            problems.Add(new("timeType", "admin.timetype.invalid",
                $"timeType must be one of {TimeTypeCodes.UrgentHour}, {TimeTypeCodes.WorkHour}, {TimeTypeCodes.WorkDay}, {TimeTypeCodes.NaturalDay} (got '{change.TimeType}')."));
        }
        else
        {
            var max = timeType is TimeType.UrgentHour or TimeType.WorkHour ? MaxMinutes : MaxDays;
            if (change.TimeLimitAmount is not { } amount || amount < 1 || amount > max)
            {
                problems.Add(new("timeLimitAmount", "admin.limit.invalid",
                    $"timeLimitAmount must be a whole number from 1 to {max} ({(max == MaxMinutes ? "minutes" : "days")} for {timeType.ToCode()}); got {change.TimeLimitAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}."));
            }
        }
        if (problems.Count > 0) return ReferenceDataResult.Invalid<CaseStandard>(problems);

        var standard = await db.CaseStandards.SingleOrDefaultAsync(s => s.Kind == kind && s.TypeCode == code, cancellationToken);
        standard ??= db.CaseStandards.Add(new CaseStandard { Kind = kind, TypeCode = code, RegistrationCondition = "", ClosingCondition = "" }).Entity;
        standard.RegistrationCondition = registration!;
        standard.ClosingCondition = closing!;
        standard.DepartmentRule = rule;
        standard.DepartmentId = change.DepartmentId;
        standard.TimeType = timeType;
        standard.TimeLimitAmount = change.TimeLimitAmount!.Value;
        standard.IsUrgent = change.IsUrgent ?? false;
        await db.SaveChangesAsync(cancellationToken);
        LogStandardSaved(logger, admin, kind, code, standard.TimeLimitAmount, standard.TimeType, standard.DepartmentRule, standard.DepartmentId);
        changes.NotifyChanged();
        return ReferenceDataResult.Done(standard);
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

    private static string? Condition(string? text, string field, List<FieldProblem> problems)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) problems.Add(new(field, "admin.condition.required", $"{field} is required."));
        else if (trimmed.Length > 512) problems.Add(new(field, "admin.text.long", $"{field} is at most 512 characters."));
        return trimmed;
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

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Administrator {Admin} saved the case standard of {Kind} {Code}: {Amount} {TimeType}, rule {Rule} {Department}")]
    private static partial void LogStandardSaved(ILogger logger, string admin, CatalogueKind kind, string code, int amount, TimeType timeType,
        HandlingDepartmentRule rule, int? department);
}
