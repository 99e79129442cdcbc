namespace Tuoyu.Web.Modules.Registry.Institutions;

public sealed record InstitutionSummary(Guid Id, string Name, string Kind, string Ownership, bool IsInclusive, string RegionCode, string RegionName, int RegisteredSlots, string FilingStatus);

public sealed record InstitutionDetail(Guid Id, string Name, string CreditCode, string Kind, string Ownership, bool IsInclusive,
    string RegionCode, string Address, string? ContactPhone, int RegisteredSlots, string FilingStatus, DateOnly? FiledOn,
    string? Grade, bool HasVideoSupervision, IReadOnlyList<ClassSummary> Classes, int Version);

public sealed record ClassSummary(Guid Id, string Name, string Type, int Capacity, string AgeRange, bool UnderTwo);

public sealed record UpdateContactRequest(string? ContactPhone, int? Version);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
