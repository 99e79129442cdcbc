namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>
/// A document submitted with a filing (issue #3 item 3). Its bytes live in <see cref="FilingDocumentContent"/> so
/// lists never load them. Stored under its id, never under the uploader's file name (security.md 5.2.x); a newer
/// upload of the same kind supersedes the older one, which stays for the record.
/// </summary>
public sealed class FilingDocument
{
    public const int FileNameMaxLength = 100;

    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public FilingDocumentKind Kind { get; init; }
    /// <summary>The uploader's file name, cleaned, for display and download only.</summary>
    public required string FileName { get; init; }
    /// <summary>Detected from the content ("application/pdf", "image/jpeg", "image/png").</summary>
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public Guid UploadedByUserId { get; init; }
    public required string UploadedByUserName { get; init; }
    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; init; }
    /// <summary>UTC instant a newer upload of the same kind replaced this one.</summary>
    public DateTime? SupersededAt { get; set; }
}

/// <summary>The bytes of a <see cref="FilingDocument"/>, one row per document.</summary>
public sealed class FilingDocumentContent
{
    public Guid DocumentId { get; init; }
    public required byte[] Bytes { get; init; }
}

/// <summary>备案材料 (issue #3 item 3; 托育机构登记和备案办法（试行）).</summary>
public enum FilingDocumentKind
{
    /// <summary>营业执照或登记证书</summary>
    RegistrationCertificate = 1,
    /// <summary>场地证明</summary>
    PremisesProof = 2,
    /// <summary>消防验收/备案</summary>
    FireSafety = 3,
    /// <summary>卫生评价</summary>
    HealthEvaluation = 4,
    /// <summary>食品经营许可</summary>
    FoodLicence = 5,
    /// <summary>人员资格</summary>
    StaffQualifications = 6,
    /// <summary>其他材料</summary>
    Other = 9,
}
