using Tuoyu.Web.Modules.Registry.Contracts;
namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// Which filing documents (备案材料) a submission needs, and when they may change (issue #3 item 3; ADR 0019).
/// The list follows 托育机构登记和备案办法（试行）'s filing materials as issue #3 item 3 names them:
/// 营业执照或登记证书, 场地证明, 消防验收/备案, 卫生评价, 人员资格 always; 食品经营许可 only for an institution that
/// serves meals. Meals are not recorded, so the platform reads them from the services: 全日托 includes lunch, so
/// <see cref="CareServices.FullDay"/> requires the food licence — and so do services not yet recorded
/// (<see cref="CareServices.None"/>, rows from before ADR 0016): an unrecorded service must not waive a licence.
/// </summary>
public static class FilingDocumentRules
{
    /// <summary>409: submitting without every required kind; the message lists the missing kinds.</summary>
    public const string DocumentsMissing = "registry.filing_documents_missing";

    /// <summary>409: documents change only while the filing is 未备案 or 已退回 (a submitted filing is what the regulator reviews).</summary>
    public const string DocumentsLocked = "registry.filing_documents_locked";

    private static readonly FilingDocumentKind[] Always =
    [
        FilingDocumentKind.RegistrationCertificate, FilingDocumentKind.PremisesProof, FilingDocumentKind.FireSafety,
        FilingDocumentKind.HealthEvaluation, FilingDocumentKind.StaffQualifications,
    ];

    /// <summary>Every kind an institution may upload, in the order the pages show them.</summary>
    public static IReadOnlyList<FilingDocumentKind> AllKinds { get; } =
    [
        FilingDocumentKind.RegistrationCertificate, FilingDocumentKind.PremisesProof, FilingDocumentKind.FireSafety,
        FilingDocumentKind.HealthEvaluation, FilingDocumentKind.FoodLicence, FilingDocumentKind.StaffQualifications,
        FilingDocumentKind.Other,
    ];

    public static bool NeedsFoodLicence(CareServices services) =>
        services == CareServices.None || services.HasFlag(CareServices.FullDay);

    /// <summary>The kinds a submission needs, in <see cref="AllKinds"/> order.</summary>
    public static IReadOnlyList<FilingDocumentKind> Required(CareServices services) =>
        [.. AllKinds.Where(k => Always.Contains(k) || (k == FilingDocumentKind.FoodLicence && NeedsFoodLicence(services)))];

    /// <summary>The required kinds without a current (not superseded) document, in <see cref="AllKinds"/> order.</summary>
    public static IReadOnlyList<FilingDocumentKind> Missing(CareServices services, IEnumerable<FilingDocumentKind> currentKinds)
    {
        var present = currentKinds.ToHashSet();
        return [.. Required(services).Where(k => !present.Contains(k))];
    }

    /// <summary>Documents may be uploaded, replaced or withdrawn only before submission or after a return.</summary>
    public static bool IsEditable(FilingStatus status) => status is FilingStatus.NotFiled or FilingStatus.Returned;

    /// <summary>The kind by its API name ("FireSafety"), case-insensitive; numbers are not accepted.</summary>
    public static bool TryParseKind(string? value, out FilingDocumentKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    public static string KindName(FilingDocumentKind kind) => kind switch
    {
        FilingDocumentKind.RegistrationCertificate => "营业执照或登记证书",
        FilingDocumentKind.PremisesProof => "场地证明",
        FilingDocumentKind.FireSafety => "消防验收/备案",
        FilingDocumentKind.HealthEvaluation => "卫生评价",
        FilingDocumentKind.FoodLicence => "食品经营许可",
        FilingDocumentKind.StaffQualifications => "人员资格",
        FilingDocumentKind.Other => "其他材料",
        _ => kind.ToString(),
    };

    public static string MissingMessage(IEnumerable<FilingDocumentKind> missing) =>
        "备案材料不全，缺少：" + string.Join("、", missing.Select(KindName));
}
