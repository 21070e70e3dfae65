namespace CivicGrid.Server.Tests.Architecture;

/// <summary>The folder rules of ADR 0014, as data: which top-level folder of the server may use which. A folder is
/// named by its namespace under <c>CivicGrid.Server</c>: <c>Hosting</c>, <c>Platform</c>, <c>Features.&lt;Module&gt;</c>,
/// <c>Seeding</c>, <c>Interchange</c>.</summary>
public static class LayoutRules
{
    /// <summary>The features in the order they may use each other: a feature may use only those before it.</summary>
    public static readonly string[] FeatureOrder =
    [
        "Geography", "Catalogue", "Organisation", "Calendar", "Cases",
        "Notifications", "PublicService", "Map", "Evaluation", "CommandCentre", "Open311",
    ];

    /// <summary>The folder a type belongs to, from its namespace (the outermost type's for nested ones); null for
    /// types outside the server's namespaces (compiler-generated helpers such as anonymous types).</summary>
    public static string? FolderOf(string? @namespace, string typeName)
    {
        if (string.IsNullOrEmpty(@namespace)) return typeName == "Program" ? "Hosting" : null; // top-level statements
        const string root = "CivicGrid.Server.";
        if (!@namespace.StartsWith(root, StringComparison.Ordinal)) return null;
        var parts = @namespace[root.Length..].Split('.');
        return parts[0] == "Features" && parts.Length > 1 ? "Features." + parts[1] : parts[0];
    }

    /// <summary>Null when <paramref name="from"/> may use <paramref name="to"/>; otherwise the rule it breaks.</summary>
    public static string? Breach(string from, string to)
    {
        if (from == to || from == "Hosting") return null;
        if (to == "Hosting") return "nothing uses Hosting (the composition root)";
        if (from.StartsWith("Features.", StringComparison.Ordinal) && !FeatureOrder.Contains(from["Features.".Length..]))
            return $"{from} is not in the declared feature order";
        if (from == "Platform") return to == "Platform" ? null : "Platform uses no feature, Seeding or Interchange";
        if (to is "Seeding" or "Interchange") return "Seeding and Interchange are used only by Hosting";
        if (to == "Platform") return null;
        if (from is "Seeding" or "Interchange") return to.StartsWith("Features.", StringComparison.Ordinal) ? null : $"unknown folder {to}";
        if (!from.StartsWith("Features.", StringComparison.Ordinal)) return $"unknown folder {from}";
        var fromRank = Array.IndexOf(FeatureOrder, from["Features.".Length..]);
        var toRank = Array.IndexOf(FeatureOrder, to["Features.".Length..]);
        if (fromRank < 0) return $"{from} is not in the declared feature order";
        if (toRank < 0) return $"{to} is not in the declared feature order";
        return toRank < fromRank ? null : $"{from} may use only the features before it in the declared order";
    }
}
