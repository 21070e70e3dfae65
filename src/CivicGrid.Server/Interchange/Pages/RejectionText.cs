using System.Globalization;
using System.Text.RegularExpressions;
using CivicGrid.Server.Platform.Web.Localisation;

namespace CivicGrid.Server.Interchange.Pages;

/// <summary>An import rejection as the administration page shows it, in the UI's language (issue 18 item 7). The
/// importers write their reasons in English ("field: why"), for the command line and the rejects file; on a Chinese
/// page the line, the item and each reason are put in Chinese by the patterns below, and the field names, codes and
/// values stay as they are (they are the file's). A reason no pattern knows is shown as written.</summary>
internal static partial class RejectionText
{
    public static string Describe(ImportRejection rejection)
    {
        if (UiText.CurrentLanguage != UiText.Chinese) return rejection.ToString();
        var reasons = string.Join("；", rejection.Reason.Split("; ").Select(Reason));
        var item = Item(rejection.Item);
        return rejection.Line is { } line ? $"第 {line.ToString(CultureInfo.InvariantCulture)} 行（{item}）：{reasons}" : $"{item}：{reasons}";
    }

    private static string Item(string item) => ItemPattern().Match(item) is { Success: true } m
        ? m.Groups[1].Value switch
        {
            "record" => $"第 {m.Groups[2].Value} 条记录",
            "feature" => $"第 {m.Groups[2].Value} 个要素",
            _ => item,
        }
        : item;

    /// <summary>"field: why" with the why in Chinese when a pattern knows it.</summary>
    internal static string Reason(string reason)
    {
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0) return reason;
        var (field, why) = (reason[..colon], reason[(colon + 2)..]);
        foreach (var (pattern, chinese) in Patterns)
        {
            var match = pattern.Match(why);
            if (match.Success) return $"{field}：{match.Result(chinese)}";
        }
        return reason;
    }

    private static readonly (Regex Pattern, string Chinese)[] Patterns =
    [
        (new("^required$"), "必填"),
        (new("^invalid$"), "无效"),
        (new("^missing$"), "缺失"),
        (new("^longer than (\\d+) characters$"), "超过 $1 个字符"),
        (new("^must be an object$"), "必须是对象"),
        (new("^must be a JSON object$"), "必须是 JSON 对象"),
        (new("^'(.*)' must be (two|five) digits$"), "“$1”位数不对（应为${2}位）"),
        (new("^has (\\d+) fields, the header has (\\d+)$"), "有 $1 个字段，表头有 $2 个"),
        (new("^bad CSV quoting$"), "CSV 引号有误"),
        (new("^(.+) repeats the id of line (\\d+)$"), "$1 与第 $2 行的编号重复"),
        (new("^(.+) repeats feature (\\d+)$"), "$1 与第 $2 个要素重复"),
        (new("^(.+) repeats (.+)$"), "$1 与 $2 重复"),
        (new("^(.+) already exists in the database$"), "$1 已在数据库中"),
        (new("^its division (\\d+) is not a district or city in the database$"), "所属区划 $1 不是数据库中的区或市"),
        (new("^(.+) is not a component type of the catalogue$"), "$1 不是目录中的部件类型"),
        (new("^(.+) is an inactive component type$"), "$1 是已停用的部件类型"),
        (new("^(.+) differs from the type (.+) in the id$"), "$1 与编号中的类型 $2 不一致"),
        (new("^'(.*)' is not wgs84, cgcs2000, gcj02 or bd09$"), "“$1”不是 wgs84、cgcs2000、gcj02 或 bd09"),
        (new("^'(.*)' is not intact, damaged, lost, abandoned or removed"), "“$1”不是 完好/破损/丢失/废弃/移除"),
        (new("^the unit grid (.+) does not exist$"), "单元网格 $1 不存在"),
        (new("^a (Point|Polygon) is required$"), "需要 $1 几何"),
        (new("^expected a Point, got (.*)$"), "应为 Point，实为 $1"),
        (new("^coordinates must be \\[longitude, latitude\\]$"), "坐标应为 [经度, 纬度]"),
        (new("^not a valid GeoJSON geometry \\((.*)\\)$"), "不是有效的 GeoJSON 几何（$1）"),
        (new("^the community (.+) does not exist; import the boundaries first$"), "社区 $1 不存在；请先导入区划边界"),
        (new("^'(.*)' is not a 12-digit community code$"), "“$1”不是 12 位社区代码"),
        (new("^(.+) differs from the community (.+) in the grid code$"), "$1 与网格编码中的社区 $2 不一致"),
        (new("^required for an alphanumeric grid code$"), "字母数字网格编码必填"),
        (new("^(.+) is a city code; the file holds districts, streets and communities"), "$1 是市级代码；文件应为区、街道和社区"),
        (new("^the parent (.+) is neither in the database nor a valid feature of the file$"), "上级 $1 既不在数据库中，也不是文件中的有效要素"),
        (new("^the city (.+) does not exist; give a cityName property"), "城市 $1 不存在；请提供 cityName 属性"),
        (new("^the class (.+) of this (.+) type is neither in the database nor in the file$"), "该类型的大类 $1 既不在数据库中，也不在文件中"),
        (new("^'(.*)' is not component or matter$"), "“$1”不是 component 或 matter"),
        (new("^the class code '(.*)' must be two digits 01-99$"), "大类代码“$1”应为 01–99 的两位数字"),
    ];

    [GeneratedRegex("^(record|feature) (\\d+)$")]
    private static partial Regex ItemPattern();
}
