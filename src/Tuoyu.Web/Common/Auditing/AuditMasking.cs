namespace Tuoyu.Web.Common.Auditing;

/// <summary>
/// Personal data in logs is masked (GB/T 35273; security.md 16.3): secrets are left out, phone numbers,
/// names and ID numbers are masked, health data is recorded only as changed.
/// </summary>
public static class AuditMasking
{
    private static readonly HashSet<string> Omitted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "IdNumberCipher", "IdNumberHash", "Value", "Bytes", "NumberCipher",
    };

    private static readonly HashSet<string> HealthOrFreeText = new(StringComparer.Ordinal)
    {
        "Allergies", "HealthNotes", "TemperatureTenths", "HealthCheck", "AbsenceSymptoms", "Before", "After", "Text", "Body",
    };

    /// <summary>
    /// Entities whose <c>Name</c> names an organisation or a class, not a person: kept in clear, so a regulator's
    /// change history reads "测试托育A", not "测****A". Everything else named <c>Name</c> is a person's name.
    /// </summary>
    private static readonly HashSet<string> OrganisationEntities = new(StringComparer.Ordinal)
    {
        "Institution", "InstitutionChain", "MedicalInstitution", "ChildcareClass", "Region",
    };

    /// <summary>Returns false when the property must not appear in a log at all.</summary>
    public static bool TryMask(string property, object? value, out string? masked) => TryMask(null, property, value, out masked);

    /// <summary>As <see cref="TryMask(string, object?, out string?)"/>, knowing which entity the property belongs to.</summary>
    public static bool TryMask(string? entity, string property, object? value, out string? masked)
    {
        masked = null;
        if (Omitted.Contains(property)) { return false; }
        if (value is null) { return true; }
        var text = value switch
        {
            DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (HealthOrFreeText.Contains(property)) { masked = "[已记录]"; }
        else if (property.Contains("Phone", StringComparison.Ordinal)) { masked = Phone(text); }
        else if (property.Contains("IdNumber", StringComparison.Ordinal)) { masked = IdNumber(text); }
        else if (property is "Name" && entity is not null && OrganisationEntities.Contains(entity)) { masked = text.Length > 200 ? text[..200] + "…" : text; }
        else if (property is "Name" or "DisplayName") { masked = PersonName(text); }
        else if (property is "Address") { masked = text.Length <= 6 ? text : text[..6] + "***"; }
        else { masked = text.Length > 200 ? text[..200] + "…" : text; }
        return true;
    }

    /// <summary>138****5678</summary>
    public static string Phone(string phone) =>
        phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : new string('*', phone.Length);

    /// <summary>430102********123X: region code and last four kept.</summary>
    public static string IdNumber(string id) =>
        id.Length > 10 ? id[..6] + new string('*', id.Length - 10) + id[^4..] : new string('*', id.Length);

    /// <summary>张*明 / 李*: the surname and, for three characters or more, the last character.</summary>
    public static string PersonName(string name) => name.Length switch
    {
        0 => name,
        1 => "*",
        2 => name[0] + "*",
        _ => name[0] + new string('*', name.Length - 2) + name[^1],
    };
}
