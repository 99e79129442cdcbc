using System.Text.RegularExpressions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>Pure rules for registering a child and placing it in a class (ADR 0023).</summary>
public static partial class ChildRules
{
    /// <summary>托育 serves children under 3 (domain.md; 国办发〔2019〕15号 "3岁以下婴幼儿"): 36 full months.</summary>
    public const int MaxAgeMonths = 36;

    /// <summary>孩次 1–10: a plausible bound for data entry, not a policy figure.</summary>
    public const int MaxBirthOrder = 10;

    /// <summary>
    /// Checks a child's identity number against its birth date: an 18-character 居民身份证号码 (GB 11643-1999 checksum, the
    /// birth date inside equals <paramref name="birthDate"/>) or a 出生医学证明编号 in its common form, one letter and nine
    /// digits (e.g. O430123456). Returns the normalised number (upper case), or a Chinese error.
    /// </summary>
    public static bool TryIdentityNumber(string? value, DateOnly birthDate, out string normalized, out string? error)
    {
        normalized = (value ?? string.Empty).Trim().ToUpperInvariant();
        error = null;
        if (normalized.Length == 0)
        {
            error = "证件号码不能为空";
            return false;
        }

        if (BirthCertificate().IsMatch(normalized)) { return true; }
        if (normalized.Length != 18 && !char.IsAsciiLetter(normalized[0]))
        {
            error = "证件号码应为18位身份证号码或出生医学证明编号（1位字母加9位数字）";
            return false;
        }

        if (normalized.Length != 18)
        {
            error = "出生医学证明编号应为1位字母加9位数字";
            return false;
        }

        if (!ResidentIdNumber.TryValidate(normalized, out normalized, out var inside, out error)) { return false; }
        if (inside != birthDate)
        {
            error = "身份证号码中的出生日期与出生日期不一致";
            return false;
        }

        return true;
    }

    /// <summary>Masked for display: 430102********123X for an ID number, O*****6789 for a birth certificate.</summary>
    public static string Mask(string normalized) =>
        normalized.Length == 18 ? Common.Auditing.AuditMasking.IdNumber(normalized) : normalized[..1] + new string('*', normalized.Length - 5) + normalized[^4..];

    /// <summary>Born on or before today and under 3 on the day of registration.</summary>
    public static string? BirthDateError(DateOnly birthDate, DateOnly today)
    {
        if (birthDate > today) { return "出生日期不能晚于今天"; }
        return Age.InMonths(birthDate, today) >= MaxAgeMonths ? "托育服务对象为3岁以下婴幼儿" : null;
    }

    /// <summary>An 11-digit mainland mobile number (1[3-9]…) or a landline with area code (0731-88886666).</summary>
    public static bool IsPhone(string? value) => value is not null && (Mobile().IsMatch(value.Trim()) || Landline().IsMatch(value.Trim()));

    /// <summary>
    /// The child's age in full months on <paramref name="day"/> fits the class type (托育机构设置标准（试行）第十二条, see
    /// <see cref="ClassTypes.AcceptsAgeMonths"/>).
    /// </summary>
    public static bool FitsClass(DateOnly birthDate, DateOnly day, ClassType type) =>
        ClassTypes.AcceptsAgeMonths(type, Age.InMonths(birthDate, day));

    /// <summary>Enrolled (or placed for a later date) on or after <paramref name="day"/>: the row still holds a place then.</summary>
    public static bool HoldsPlaceOn(ChildEnrollment e, DateOnly day) => e.EndDate is null || e.EndDate >= day;

    [GeneratedRegex("^[A-Z][0-9]{9}$")]
    private static partial Regex BirthCertificate();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^0[0-9]{2,3}-?[0-9]{7,8}$")]
    private static partial Regex Landline();
}
