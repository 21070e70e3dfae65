using System.Text.RegularExpressions;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Features.Calendar;

/// <summary>A special day's name in the UI's language (issue 18 item 7). The shipped holidays are named in both
/// languages, Chinese first in the database ("春节 Spring Festival", CivicGrid.Data/Calendar/state-council-holidays.csv) and
/// English first in code ("Spring Festival 春节", <see cref="CivicGrid.Domain.Calendar.ChineseHolidays"/>): a Chinese page
/// shows the Chinese part, an English page the English part. A name typed in one language is shown as typed.</summary>
public static partial class CalendarDayNames
{
    public static string Show(string? name) => Show(name, UiText.CurrentLanguage);

    public static string Show(string? name, string language)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var match = ChineseFirst().Match(name.Trim());
        if (!match.Success) match = EnglishFirst().Match(name.Trim());
        if (!match.Success) return name;
        return language == UiText.English ? match.Groups["en"].Value.Trim() : match.Groups["zh"].Value.Trim();
    }

    /// <summary>Latin text, then text starting with a CJK character.</summary>
    [GeneratedRegex(@"^(?<en>[A-Za-z][^\u3400-\u9fff]*?)\s+(?<zh>[\u3400-\u9fff].*)$")]
    private static partial Regex EnglishFirst();

    /// <summary>CJK text, then text starting with a Latin letter.</summary>
    [GeneratedRegex(@"^(?<zh>[\u3400-\u9fff][^A-Za-z]*?)\s+(?<en>[A-Za-z].*)$")]
    private static partial Regex ChineseFirst();
}
