using Tuoyu.Web.Modules.Registry.Contracts;
namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>
/// A filed institution as the public sees it: business information only, never personal data. For a
/// 家庭托育点 <see cref="Address"/> is the county and street only (the exact address is a family's home).
/// </summary>
public sealed record PublicInstitution(Guid Id, string Name, string Kind, string KindCode, string Ownership, bool IsInclusive,
    string RegionCode, string CountyName, string StreetName, string Address, string? ContactPhone, int RegisteredSlots,
    string FilingStatus, string? Grade, bool HasVideoSupervision, IReadOnlyList<PublicClassType> Classes);

/// <summary>Places of one class type in an institution, summed over its classes.</summary>
public sealed record PublicClassType(string Type, string AgeRange, int Classes, int Capacity, int Enrolled, int Vacancies);
