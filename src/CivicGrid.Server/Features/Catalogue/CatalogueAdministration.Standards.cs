using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Catalogue;

/// <summary>An administrator's case standard (立结案标准) for a type, as entered. Department rule: a
/// <see cref="HandlingDepartmentRule"/> name; time type: a <see cref="TimeTypeCodes"/> code.</summary>
public sealed record CaseStandardChange(string? RegistrationCondition, string? ClosingCondition, string? DepartmentRule, int? DepartmentId,
    string? TimeType, int? TimeLimitAmount, bool? IsUrgent);

/// <summary>The case standard of a type (立结案标准): its conditions, the handling department rule and the time limit
/// (docs/domain/catalogue.md §9).</summary>
public sealed partial class CatalogueAdministration
{
    /// <summary>Longest time limit: 30 days in minutes for the hour types, a year for the day types.</summary>
    public const int MaxMinutes = 60 * 24 * 30, MaxDays = 366;

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

    private static string? Condition(string? text, string field, List<FieldProblem> problems)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) problems.Add(new(field, "admin.condition.required", $"{field} is required."));
        else if (trimmed.Length > 512) problems.Add(new(field, "admin.text.long", $"{field} is at most 512 characters."));
        return trimmed;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Administrator {Admin} saved the case standard of {Kind} {Code}: {Amount} {TimeType}, rule {Rule} {Department}")]
    private static partial void LogStandardSaved(ILogger logger, string admin, CatalogueKind kind, string code, int amount, TimeType timeType,
        HandlingDepartmentRule rule, int? department);
}
