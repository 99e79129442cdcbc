namespace Tuoyu.Web.Modules.Demo;

/// <summary>Character pools for synthetic names that look real; no real person's data is used.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "钟", "谭", "陆", "汪", "范", "石", "廖", "贺",
        "易", "文", "欧阳", "龙", "雷", "邹", "熊", "刘", "陈", "李",
    ];

    public static readonly string[] GivenChars =
    [
        "子", "梓", "涵", "浩", "宇", "轩", "欣", "怡", "诗", "雨", "晨", "博", "文", "思", "嘉", "一", "可", "佳", "俊", "泽",
        "睿", "悦", "瑶", "琪", "萱", "铭", "昊", "航", "若", "安", "宁", "言", "奕", "辰", "锦", "沐", "知", "语", "乐", "心",
        "明", "杰", "婷", "静", "丽", "伟", "强", "敏", "芳", "军", "勇", "艳", "霞", "平", "红", "华", "建", "春", "秀", "玲",
    ];

    public static readonly string[] Brands =
    [
        "童乐", "启明", "小橙子", "蓝天", "爱心", "星辰", "禾苗", "贝贝", "乐童", "知语", "向阳", "小太阳", "彩虹", "金色摇篮",
        "童心", "明日之星", "七彩", "萌宝", "育苗", "春芽", "小蜜蜂", "橡树", "卓雅", "湘江", "麓山", "芙蓉", "朝阳", "满天星",
        "小脚丫", "宝贝港湾", "童趣", "晨曦", "悦成长", "嘉禾", "启航", "小海豚",
    ];

    public static readonly string[] Employers =
    [
        "长沙银行", "湖南省人民医院", "中联重科", "三一集团", "湘雅医院", "长沙地铁", "湖南大学", "国网长沙供电公司",
        "蓝思科技", "长沙经开区管委会", "湖南日报社", "长沙机场",
    ];

    public static string Person(Random rng)
    {
        var surname = Surnames[rng.Next(Surnames.Length)];
        var given = GivenChars[rng.Next(GivenChars.Length)] + (rng.Next(3) == 0 ? string.Empty : GivenChars[rng.Next(GivenChars.Length)]);
        return surname + given;
    }

    public static string MobilePhone(Random rng)
    {
        string[] prefixes = ["138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "182", "187", "188", "173", "177", "180", "189", "199"];
        return prefixes[rng.Next(prefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
