namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>
/// The institutions a supervision plan may sample (双随机, ADR 0030): those under a region, optionally of some kinds and
/// filing statuses. Kinds and statuses are the registry's enum names (e.g. Standalone, FamilyPoint; Filed, Submitted).
/// No data scope applies: institutions are public records; the caller checks its own right to the region.
/// </summary>
public interface IInstitutionSampling
{
    Task<IReadOnlyList<InstitutionSample>> UnderRegionAsync(string regionCode, IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> filingStatuses,
        CancellationToken ct);

    /// <summary>Whether a code names an institution kind / a filing status (for validating a plan's filter).</summary>
    bool IsKind(string code);

    bool IsFilingStatus(string code);
}

/// <param name="RegionCode">The institution's street-level code.</param>
public sealed record InstitutionSample(Guid Id, string Name, string RegionCode, string Kind, string FilingStatus);
