namespace CivicGrid.Server.Features.PublicService;

/// <summary>The small line icons of the citizen problems: inline SVG (24×24, drawn in the text colour), no icon font to
/// download. A problem list names one of <see cref="Names"/>; the markup is ours, never taken from the list.</summary>
public static class ProblemIcons
{
    private static readonly Dictionary<string, string> Shapes = new(StringComparer.Ordinal)
    {
        ["garbage"] = "<path d='M4 20h16l-2-6H6z'/><circle cx='9' cy='10' r='2.5'/><circle cx='15' cy='9' r='3'/>",
        ["bin"] = "<path d='M6 8h12l-1.2 12H7.2z'/><path d='M4 8h16M10 5h4'/><path d='M8 5c1-2 7-2 8 0'/>",
        ["road"] = "<path d='M7 21L10 3M17 21L14 3'/><path d='M12 5v2M12 10v2M12 15v2'/><path d='M15 14l3 2-2 2'/>",
        ["manhole"] = "<ellipse cx='12' cy='14' rx='9' ry='5'/><path d='M6 12l4 3 3-4 5 3'/>",
        ["lamp"] = "<path d='M8 21h6M11 21V7a3 3 0 0 1 3-3h3'/><path d='M15 4h5l-1 3h-3z'/><path d='M5 9l2 2M4 13h2'/>",
        ["stall"] = "<path d='M3 9l2-5h14l2 5z'/><path d='M5 9v11h14V9'/><path d='M9 20v-6h6v6'/>",
        ["flyer"] = "<rect x='5' y='3' width='14' height='18' rx='1'/><path d='M8 8h8M8 12h8M8 16h5'/>",
        ["water"] = "<path d='M12 3c3 4 5 7 5 9a5 5 0 0 1-10 0c0-2 2-5 5-9z'/><path d='M3 20c2-1 4-1 6 0s4 1 6 0 4-1 6 0'/>",
        ["tree"] = "<path d='M12 21v-6'/><path d='M12 3l6 9H6z'/><path d='M5 17l14-4'/>",
        ["building"] = "<path d='M4 21V9l6-4 6 4v12'/><path d='M4 21h16M16 13h4v8'/><path d='M8 12h4M8 16h4'/>",
        ["noise"] = "<path d='M4 9h4l5-4v14l-5-4H4z'/><path d='M16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12'/>",
        ["car"] = "<path d='M4 16v-4l2-5h12l2 5v4z'/><circle cx='8' cy='17' r='2'/><circle cx='16' cy='17' r='2'/><path d='M6 12h12'/>",
        ["other"] = "<circle cx='12' cy='12' r='9'/><path d='M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.7'/><path d='M12 17h.01'/>",
    };

    public static IEnumerable<string> Names => Shapes.Keys;

    public static bool Exists(string? name) => name is not null && Shapes.ContainsKey(name);

    /// <summary>The icon as SVG markup (decorative: the problem's name is its label).</summary>
    public static string Svg(string name) =>
        "<svg class='problem-icon' viewBox='0 0 24 24' width='28' height='28' fill='none' stroke='currentColor' stroke-width='1.6' "
        + "stroke-linecap='round' stroke-linejoin='round' aria-hidden='true' focusable='false'>"
        + (Shapes.TryGetValue(name, out var shape) ? shape : Shapes["other"]) + "</svg>";
}
