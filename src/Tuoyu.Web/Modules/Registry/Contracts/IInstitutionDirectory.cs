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
}
