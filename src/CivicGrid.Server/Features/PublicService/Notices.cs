using CivicGrid.Data;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Public notices (公告, e.g. rainy-day alerts): the current ones for citizens, and validation of what staff
/// write. A notice is current from <see cref="Notice.PublishedFrom"/> until (not including) <see cref="Notice.PublishedUntil"/>.</summary>
public sealed class Notices(CivicGridDbContext db, TimeProvider time)
{
    /// <summary>A notice as the API shows it.</summary>
    public sealed record NoticeDto(int Id, string Title, string Body, string Severity, DateTimeOffset PublishedFrom,
        DateTimeOffset? PublishedUntil, IReadOnlyList<string> Districts, bool IsCurrent)
    {
        public static NoticeDto From(Notice n, DateTimeOffset now) =>
            new(n.Id, n.Title, n.Body, n.Severity.ToString().ToLowerInvariant(), n.PublishedFrom, n.PublishedUntil, n.Districts, n.IsCurrentAt(now));
    }

    /// <summary>What staff send to create or replace a notice; <see cref="PublishedFrom"/> defaults to now.</summary>
    public sealed record NoticeInput(string? Title, string? Body, string? Severity, DateTimeOffset? PublishedFrom, DateTimeOffset? PublishedUntil,
        IReadOnlyList<string>? Districts);

    /// <summary>The notices published now, alerts first, newest first; with <paramref name="district"/> only those
    /// for the whole city or naming that district.</summary>
    public async Task<List<NoticeDto>> CurrentAsync(string? district, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await db.Notices.AsNoTracking()
            .Where(n => n.PublishedFrom <= now && (n.PublishedUntil == null || n.PublishedUntil > now))
            .ToListAsync(cancellationToken);
        return rows
            .Where(n => string.IsNullOrEmpty(district) || n.Districts.Count == 0 || n.Districts.Contains(district))
            .OrderByDescending(n => n.Severity).ThenByDescending(n => n.PublishedFrom).ThenByDescending(n => n.Id)
            .Select(n => NoticeDto.From(n, now)).ToList();
    }

    /// <summary>Checks the input and copies it onto <paramref name="notice"/>.</summary>
    /// <exception cref="InvalidRequestException">The input is not valid; errors keyed by field.</exception>
    public async Task ApplyAsync(NoticeInput input, Notice notice, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "title is required.");
        else if (input.Title.Length > Notice.MaxTitleLength) errors.Add("title", $"title is at most {Notice.MaxTitleLength} characters.");
        if (string.IsNullOrWhiteSpace(input.Body)) errors.Add("body", "body is required.");
        else if (input.Body.Length > Notice.MaxBodyLength) errors.Add("body", $"body is at most {Notice.MaxBodyLength} characters.");
        var severity = NoticeSeverity.Info;
        if (!string.IsNullOrEmpty(input.Severity) && (!Enum.TryParse(input.Severity, ignoreCase: true, out severity) || !Enum.IsDefined(severity)))
            errors.Add("severity", "severity must be info, warning or alert.");
        var from = input.PublishedFrom ?? time.GetUtcNow();
        if (input.PublishedUntil is { } until && until <= from) errors.Add("publishedUntil", "publishedUntil must be after publishedFrom.");
        var districts = (input.Districts ?? []).Select(d => d?.Trim() ?? "").Distinct().ToList();
        if (districts.Count > 0)
        {
            var known = await db.AdministrativeUnits.AsNoTracking()
                .Where(u => u.Level == AdministrativeLevel.District && districts.Contains(u.Code)).Select(u => u.Code).ToListAsync(cancellationToken);
            if (districts.Except(known).ToList() is { Count: > 0 } unknown)
                errors.Add("districts", $"Unknown district code(s): {string.Join(", ", unknown)}.");
        }
        errors.ThrowIfAny();
        notice.Title = input.Title!.Trim();
        notice.Body = input.Body!.Trim();
        notice.Severity = severity;
        notice.PublishedFrom = from.ToUniversalTime();
        notice.PublishedUntil = input.PublishedUntil?.ToUniversalTime();
        notice.DistrictCodes = districts.Count == 0 ? null : string.Join(',', districts.Order(StringComparer.Ordinal));
        notice.UpdatedAt = time.GetUtcNow();
    }
}
