namespace CivicGrid.Server.Seeding;

/// <summary>Composes plausible, unique two-character place names (e.g. 滨海街道 Binhai Subdistrict, 椰林村 Yelin
/// Village) and personal names for demo staff.</summary>
internal sealed class DemoNames(Random random)
{
    private static readonly (string Hanzi, string Pinyin)[] Syllables =
    [
        ("海", "hai"), ("滨", "bin"), ("秀", "xiu"), ("椰", "ye"), ("金", "jin"), ("新", "xin"), ("城", "cheng"),
        ("西", "xi"), ("东", "dong"), ("南", "nan"), ("华", "hua"), ("兴", "xing"), ("和", "he"), ("安", "an"),
        ("福", "fu"), ("长", "chang"), ("永", "yong"), ("白", "bai"), ("沙", "sha"), ("港", "gang"), ("湾", "wan"),
        ("岭", "ling"), ("桥", "qiao"), ("山", "shan"), ("田", "tian"), ("林", "lin"), ("泉", "quan"), ("明", "ming"),
        ("光", "guang"), ("云", "yun"), ("凤", "feng"), ("荣", "rong"), ("德", "de"), ("盛", "sheng"), ("宁", "ning"),
        ("泰", "tai"), ("瑞", "rui"), ("祥", "xiang"), ("江", "jiang"), ("湖", "hu"), ("石", "shi"), ("坡", "po"),
        ("塘", "tang"), ("园", "yuan"), ("景", "jing"), ("丰", "feng"), ("龙", "long"), ("琼", "qiong"), ("美", "mei"),
        ("英", "ying"), ("府", "fu"), ("甸", "dian"), ("演", "yan"), ("灵", "ling"), ("大", "da"), ("红", "hong"),
    ];

    private static readonly string[] Surnames = ["王", "李", "陈", "林", "符", "吴", "黄", "张", "周", "刘", "郑", "冯", "邢", "云", "羊", "韩"];
    private static readonly string[] GivenNames = ["海", "静", "峰", "丽", "强", "建国", "梅", "斌", "明", "小燕", "志华", "春花", "文", "晓东", "伟", "娜", "琼英", "少雄"];

    private readonly HashSet<string> _used = [];

    /// <summary>A street or town name: "<c>xx街道</c>" / "<c>xx镇</c>" with its English form.</summary>
    public (string Name, string NameEn) Street(bool urban) => Place(urban ? "街道" : "镇", urban ? "Subdistrict" : "Town");

    /// <summary>A community or village name: "<c>xx社区</c>" / "<c>xx村</c>" with its English form.</summary>
    public (string Name, string NameEn) Community(bool urban) => Place(urban ? "社区" : "村", urban ? "Community" : "Village");

    /// <summary>A Chinese personal name such as 符建国.</summary>
    public string Person() => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    private (string Name, string NameEn) Place(string suffix, string suffixEn)
    {
        while (true)
        {
            var first = Syllables[random.Next(Syllables.Length)];
            var second = Syllables[random.Next(Syllables.Length)];
            if (first.Hanzi == second.Hanzi || !_used.Add(first.Hanzi + second.Hanzi)) continue;
            var pinyin = char.ToUpperInvariant(first.Pinyin[0]) + first.Pinyin[1..] + second.Pinyin;
            return (first.Hanzi + second.Hanzi + suffix, $"{pinyin} {suffixEn}");
        }
    }
}
