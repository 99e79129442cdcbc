using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>连锁品牌: a brand or operator that runs several institutions (domain.md, Actors: an institution admin may see its chain's institutions).</summary>
public sealed class InstitutionChain : IVersioned
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码 of the operating company, when known.</summary>
    public string? CreditCode { get; set; }
    public int Version { get; set; }
}
