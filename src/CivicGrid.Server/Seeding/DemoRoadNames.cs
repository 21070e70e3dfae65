namespace CivicGrid.Server.Seeding;

/// <summary>Names of the demo city's roads: Haikou-like names for the main roads (north–south ones west→east,
/// east–west ones south→north) and composed names for the minor roads of the urban core (e.g. 椰荣路, 滨兴街).</summary>
internal static class DemoRoadNames
{
    /// <summary>One per major north–south line (every third lattice column from column 1: 龙昆南路 runs at ≈ 110.335° E).</summary>
    public static readonly string[] NorthSouth =
    [
        "长流大道", "西海大道", "永万路", "粤海大道", "长滨路", "疏港大道", "秀英大道", "丘海大道", "滨涯路", "龙昆南路",
        "海府路", "白龙南路", "美舍路", "府城大道", "蓝天路", "凤翔路", "大英山路", "美兰大道", "灵山大道", "演丰路",
        "桂林洋大道", "三江路", "大致坡路", "东寨港路",
    ];

    /// <summary>One per major east–west line (every third lattice row from row 1: 滨海大道 runs along the coast).</summary>
    public static readonly string[] EastWest =
    [
        "绕城高速", "琼州大道", "云龙大道", "旧州路", "龙塘路", "东山大道", "新坡路", "遵谭路", "三门坡路", "甲子路",
        "大坡路", "迎宾大道", "凤凰大道", "城西路", "椰海大道", "南海大道", "红城湖路", "海秀快速路", "海秀中路", "滨海大道",
    ];

    private static readonly string[] Syllables =
    [
        "椰", "荣", "滨", "兴", "金", "华", "和", "安", "福", "永", "明", "光", "云", "德", "盛", "宁", "泰", "瑞", "祥", "丰",
        "景", "园", "新", "文", "昌", "海", "秀", "康", "乐", "平", "春", "桂", "竹", "松", "柏", "玉", "彩", "青", "义", "仁",
    ];

    /// <summary>Trunk roads (大道, 高速, 快速路 and the two best-known city roads) are drawn from the lowest zoom.</summary>
    public static int RankOf(string name) =>
        name.EndsWith("大道", StringComparison.Ordinal) || name.EndsWith("高速", StringComparison.Ordinal)
        || name.EndsWith("快速路", StringComparison.Ordinal) || name is "龙昆南路" or "海府路" ? 1 : 2;

    /// <summary>A fresh minor-road name, unique within <paramref name="used"/>.</summary>
    public static string Minor(Random random, HashSet<string> used, bool northSouth)
    {
        while (true)
        {
            var first = Syllables[random.Next(Syllables.Length)];
            var second = Syllables[random.Next(Syllables.Length)];
            var name = first + second + (northSouth ? "路" : "街");
            if (first != second && used.Add(name)) return name;
        }
    }
}
