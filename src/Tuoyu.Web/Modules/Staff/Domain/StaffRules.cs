namespace Tuoyu.Web.Modules.Staff.Domain;

/// <summary>Pure rules of the staff registry (ADR 0030).</summary>
public static class StaffRules
{
    /// <summary>Roles that are carer posts (保育师/保育人员, 育婴员): the posts the 挂靠 rule and the ratio count.</summary>
    public static bool IsCarer(StaffRole role) => role is StaffRole.Carer or StaffRole.InfantCarer;

    /// <summary>Two date ranges overlap; a null end is open.</summary>
    public static bool Overlaps(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        (toB is null || fromA <= toB) && (toA is null || fromB <= toA);

    /// <summary>
    /// 挂靠: the person's existing employment that a new carer post at <paramref name="institutionId"/> from
    /// <paramref name="from"/> would run concurrently with at another institution, or null when the post is allowed.
    /// Posts other than carer posts are never in conflict; an exception recorded for the new institution allows it.
    /// </summary>
    public static StaffMember? ConcurrentCarerPost(IEnumerable<StaffMember> existing, Guid institutionId, StaffRole role, DateOnly from, DateOnly? to,
        IEnumerable<StaffPostException> exceptions)
    {
        if (!IsCarer(role)) { return null; }
        if (exceptions.Any(e => e.InstitutionId == institutionId)) { return null; }
        return existing
            .Where(m => m.InstitutionId != institutionId && IsCarer(m.Role) && Overlaps(from, to, m.HiredOn, m.LeftOn))
            .OrderBy(m => m.HiredOn).ThenBy(m => m.Id)
            .FirstOrDefault();
    }

    /// <summary>Whether a person (by the keyed hash of their ID number) is on the ban register.</summary>
    public static bool IsBanned(string idNumberHash, IEnumerable<string> bannedHashes) =>
        bannedHashes.Contains(idNumberHash, StringComparer.Ordinal);

    /// <summary>Masks a certificate number: the first two and last four characters kept (保育师证 BY12345678 → BY****5678).</summary>
    public static string MaskCertificateNumber(string number) =>
        number.Length <= 6 ? new string('*', number.Length) : number[..2] + new string('*', number.Length - 6) + number[^4..];

    /// <summary>A plausible yearly total of training hours (at most every hour of a year).</summary>
    public const int MaxTrainingHoursPerYear = 8784;
}
