namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>
/// Names of childcare and medical institutions by id, for modules that hold an institution id but not
/// the institution (e.g. an account's scope). Ids that do not exist are absent from the answer.
/// No data scope applies: institutions are public records.
/// </summary>
public interface IInstitutionDirectory
{
    Task<IReadOnlyDictionary<Guid, string>> InstitutionNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The services an institution offers (全日托/半日托/计时托/临时托); None when there is no such institution.</summary>
    Task<CareServices> ServicesAsync(Guid institutionId, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, string>> MedicalInstitutionNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Name, services and filing state of institutions by id (a family's application names them); unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<Guid, InstitutionListing>> ListingsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// 已备案 institutions whose name contains <paramref name="name"/> (all when empty), optionally under a region code prefix,
    /// by name; at most <paramref name="take"/>. The public facts only, as in the public directory.
    /// </summary>
    Task<IReadOnlyList<InstitutionListing>> SearchFiledAsync(string? name, string? regionPrefix, int take, CancellationToken ct);
}

/// <summary>An institution as a family choosing where to apply sees it.</summary>
public sealed record InstitutionListing(Guid Id, string Name, string RegionCode, CareServices Services, bool Filed);
