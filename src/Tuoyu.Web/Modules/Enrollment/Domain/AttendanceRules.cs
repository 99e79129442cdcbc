using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>Pure rules of the attendance day (issue #4 items 4 and 5).</summary>
public static class AttendanceRules
{
    public const string MarkedAbsent = "attendance.marked_absent";
    public const string AlreadyCheckedIn = "attendance.already_checked_in";
    public const string NotCheckedIn = "attendance.not_checked_in";
    public const string PickupNotAuthorised = "attendance.pickup_not_authorised";
    public const string MonthClosed = "attendance.month_closed";
    public const string NotEnrolled = "attendance.not_enrolled";

    /// <summary>
    /// Plausible body temperatures for a 晨检 reading, in tenths of a degree: 34.0–43.0 ℃. Outside that a thermometer
    /// was misread; the carer must re-measure rather than record it. Not a policy figure: a sanity range.
    /// </summary>
    public const int MinTemperatureTenths = 340;
    public const int MaxTemperatureTenths = 430;

    /// <summary>
    /// A reading in ℃ with at most one decimal (36.6) as tenths (366); null when it has more decimals or lies
    /// outside the sanity range.
    /// </summary>
    public static int? TemperatureTenths(decimal celsius)
    {
        var tenths = celsius * 10m;
        if (tenths != decimal.Truncate(tenths)) { return null; }
        var t = (int)tenths;
        return t is >= MinTemperatureTenths and <= MaxTemperatureTenths ? t : null;
    }

    public static decimal Celsius(int tenths) => tenths / 10m;

    /// <summary>Parses symptom names ("Fever", "Cough" …); false naming the first unknown one.</summary>
    public static bool TryParseSymptoms(IEnumerable<string>? names, out Symptoms symptoms, out string? unknown)
    {
        symptoms = Symptoms.None;
        unknown = null;
        foreach (var raw in names ?? [])
        {
            var name = raw?.Trim() ?? string.Empty;
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !Enum.TryParse<Symptoms>(name, ignoreCase: true, out var s)
                || s == Symptoms.None || !Enum.IsDefined(s))
            {
                unknown = raw;
                return false;
            }

            symptoms |= s;
        }

        return true;
    }

    public static IReadOnlyList<string> SymptomNames(Symptoms symptoms) =>
        [.. Enum.GetValues<Symptoms>().Where(s => s != Symptoms.None && symptoms.HasFlag(s)).Select(s => s.ToString())];

    public static string ChineseName(Symptoms s) => s switch
    {
        Symptoms.Fever => "发热",
        Symptoms.Cough => "咳嗽",
        Symptoms.RunnyNose => "流涕",
        Symptoms.Rash => "皮疹",
        Symptoms.Diarrhoea => "腹泻",
        Symptoms.Vomiting => "呕吐",
        Symptoms.SoreThroatOrMouth => "咽部红肿或口腔疱疹",
        Symptoms.RedEyes => "眼结膜充血",
        Symptoms.Listless => "精神差",
        Symptoms.Injury => "外伤",
        Symptoms.Other => "其他",
        _ => s.ToString(),
    };

    /// <summary>
    /// Carers a class needs for the children present (托育机构设置标准（试行）第十二条: 乳儿班 1:3, 托小班 1:5, 托大班 1:7).
    /// Each child takes 1/3, 1/5 or 1/7 of a carer — by its class's type, or, in a 混合班 (for which the standard sets
    /// no ratio), by its own age band (under 12 months as 乳儿班, 12–23 as 托小班, 24 and over as 托大班) — and the
    /// class needs the sum rounded up. Exact: counted in 105ths (the least common multiple of 3, 5 and 7).
    /// </summary>
    public static int RequiredCarers(ClassType classType, IEnumerable<int> presentAgesInMonths)
    {
        var units = 0;
        foreach (var age in presentAgesInMonths)
        {
            var perCarer = ClassTypes.ChildrenPerCarer(classType) ?? ChildrenPerCarerAtAge(age);
            units += 105 / perCarer;
        }

        return (units + 104) / 105;
    }

    private static int ChildrenPerCarerAtAge(int months) =>
        ClassTypes.ChildrenPerCarer(months < 12 ? ClassType.Infant : months < 24 ? ClassType.Toddler : ClassType.Preschool)!.Value;
}
