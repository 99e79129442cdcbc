namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>An institution reduced to its group key (a region-code prefix or its own id) and its registered slots.</summary>
public sealed class KeyedInstitution<TKey>
{
    public Guid Id { get; init; }
    public TKey Key { get; init; } = default!;
    public int Slots { get; init; }
}

public sealed record OpenInstitution(Guid Id, string Name, string RegionCode);

/// <summary>
/// The register's indicator measures (Statistics.Contracts.Measures) as of a date over the institutions under a region-code
/// prefix that are open that day, grouped by sub-region or by institution, each by one grouped query (ADR 0029).
/// </summary>
public interface IRegistryMeasures
{
    /// <summary>Institutions under <paramref name="prefix"/> open on <paramref name="date"/>, keyed by the first <paramref name="keyLength"/> digits of their street code.</summary>
    IQueryable<KeyedInstitution<string>> OpenByRegion(string prefix, int keyLength, DateOnly date);

    /// <summary>The same, keyed by institution.</summary>
    IQueryable<KeyedInstitution<Guid>> OpenByInstitution(string prefix, DateOnly date);

    Task<Dictionary<string, Dictionary<string, decimal>>> ByRegionAsync(string prefix, int keyLength, DateOnly date, CancellationToken ct);

    Task<Dictionary<Guid, Dictionary<string, decimal>>> ByInstitutionAsync(string prefix, DateOnly date, CancellationToken ct);

    /// <summary>Names and streets of the institutions open on the date, by name.</summary>
    Task<IReadOnlyList<OpenInstitution>> OpenInstitutionsAsync(string prefix, DateOnly date, CancellationToken ct);
}
