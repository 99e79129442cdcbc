using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>Which institutions a caller may see: the basis of every other module's data scope.</summary>
public interface IInstitutionScope
{
    /// <summary>A composable query of the ids of institutions in the caller's scope.</summary>
    IQueryable<Guid> IdsInScope(UserContext user);

    /// <summary>Institution count and registered slots over a set of institutions.</summary>
    Task<InstitutionTotals> TotalsAsync(IQueryable<Guid> institutionIds, CancellationToken ct);
}

public sealed record InstitutionTotals(int Institutions, int RegisteredSlots);
