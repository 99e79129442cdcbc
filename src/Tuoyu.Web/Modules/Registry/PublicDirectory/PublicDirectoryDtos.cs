using Tuoyu.Web.Modules.Registry.Contracts;
namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>
/// A filed institution as the public sees it: business information only, never personal data. For a
/// 家庭托育点 <see cref="Address"/> is the county and street only (the exact address is a family's home), its
/// <see cref="ContactPhone"/> is withheld (it may be a private mobile) and its <see cref="Location"/> is snapped to
/// a grid of about 1 km (ADR 0020). <see cref="DistanceKm"/> is set when the search had a point.
/// </summary>
public sealed record PublicInstitution(Guid Id, string Name, string Kind, string KindCode, string Ownership, bool IsInclusive,
    string RegionCode, string CountyName, string StreetName, string Address, string? ContactPhone, int RegisteredSlots,
    string FilingStatus, string? Grade, bool HasVideoSupervision, IReadOnlyList<PublicClassType> Classes,
    PublicLocation? Location = null, double? DistanceKm = null, long? FullDayFeeFromFen = null,
    IReadOnlyList<string>? Services = null, string? OpeningHours = null,
    IReadOnlyList<PublicFee>? Fees = null, IReadOnlyList<PublicDesignation>? Designations = null);

/// <summary>Places of one class type in an institution, summed over its classes.</summary>
public sealed record PublicClassType(string Type, string AgeRange, int Classes, int Capacity, int Enrolled, int Vacancies);

/// <summary>Where to put the marker; <see cref="Approximate"/> for a 家庭托育点 (about 1 km grid).</summary>
public sealed record PublicLocation(double Latitude, double Longitude, bool Approximate);

/// <summary>One published monthly fee (收费标准) in fen, with the Chinese names of class type, service and pricing.</summary>
public sealed record PublicFee(string ClassType, string Service, long MonthlyFeeFen, string Pricing, DateOnly EffectiveFrom);

/// <summary>An active designation: 普惠 / 公办 / 等级 / 示范 with its level.</summary>
public sealed record PublicDesignation(string Kind, string? Level, DateOnly GrantedOn, DateOnly? ValidUntil);

/// <summary>
/// The public search's query string. Fees are whole 元 per month (what parents read on price lists), compared with
/// the institution's 全日托 monthly fees. A point is lat + lng, or the reference point of a street; radiusKm
/// defaults to <see cref="PublicDirectoryHandler.DefaultRadiusKm"/> when a point is given.
/// </summary>
public sealed record PublicSearchQuery(string? Region = null, string? Kind = null, bool? Inclusive = null, int? AgeMonths = null,
    bool? HasVacancy = null, int? MinFee = null, int? MaxFee = null, double? Lat = null, double? Lng = null, double? RadiusKm = null,
    string? Street = null, string? Sort = null, int? Page = null, int? PageSize = null);

/// <summary>One page of the public search; <see cref="Center"/> and <see cref="RadiusKm"/> when it searched around a point.</summary>
public sealed record PublicSearchResult(IReadOnlyList<PublicInstitution> Items, int Total, int Page, int PageSize,
    PublicLocation? Center, double? RadiusKm, string Sort);
