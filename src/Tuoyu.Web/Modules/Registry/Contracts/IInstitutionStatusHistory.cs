namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>
/// Institutions of a region with their 普惠 designations and filing history, for modules that pay by status on a day
/// (subsidies, ADR 0028). No data scope applies: institutions and their designations are public records.
/// </summary>
public interface IInstitutionStatusHistory
{
    /// <summary>A composable query of the ids of institutions at <paramref name="regionCode"/> or below.</summary>
    IQueryable<Guid> IdsInRegion(string regionCode);

    /// <summary>Every institution at <paramref name="regionCode"/> or below, with its 普惠 periods and filing steps up to <paramref name="until"/>.</summary>
    Task<IReadOnlyList<InstitutionStatusHistory>> InRegionAsync(string regionCode, DateOnly until, CancellationToken ct);

    /// <summary>Names and codes of all institutions, composable into another module's query (joins, search by name).</summary>
    IQueryable<InstitutionReference> References();
}

public sealed record InstitutionStatusHistory(Guid Id, string RegionCode, bool IsPrivate, bool FiledNow, DateOnly? FiledOn,
    IReadOnlyList<InclusivePeriod> Inclusive, IReadOnlyList<FilingStep> Filing);

/// <summary>A 普惠 designation: held from <paramref name="GrantedOn"/> through <paramref name="ValidUntil"/>, ending the day before <paramref name="WithdrawnOn"/>.</summary>
public sealed record InclusivePeriod(DateOnly GrantedOn, DateOnly? ValidUntil, DateOnly? WithdrawnOn);

/// <summary>One filing step in time order: its China date and whether it left the institution filed (已备案).</summary>
public sealed record FilingStep(DateOnly Date, bool Filed);

public sealed class InstitutionReference
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string CreditCode { get; init; } = "";
    public string RegionCode { get; init; } = "";
}
