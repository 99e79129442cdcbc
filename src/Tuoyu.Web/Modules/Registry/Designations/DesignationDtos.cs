namespace Tuoyu.Web.Modules.Registry.Designations;

/// <summary>
/// An institution's designations, newest grant first, with the current state they set (普惠, 公办/民办, 等级).
/// <c>Version</c> is the institution's, to send with the next grant or withdrawal.
/// </summary>
public sealed record DesignationsDto(Guid InstitutionId, bool IsInclusive, string Ownership, string? Grade, string FilingStatus, int Version,
    IReadOnlyList<DesignationDto> History);

/// <summary>
/// One grant. <c>Kind</c> is the API name (Inclusive, Public, Grade, Demonstration), <c>KindName</c> the Chinese one;
/// <c>Active</c>: not withdrawn and not past <c>ValidUntil</c> (Beijing date); <c>RecordedAt</c> is UTC.
/// </summary>
public sealed record DesignationDto(Guid Id, string Kind, string KindName, string? Level, string Basis, DateOnly GrantedOn, DateOnly? ValidUntil,
    bool Active, string GrantedByUserName, string GrantedByRegionCode, DateOnly? WithdrawnOn, string? WithdrawnByUserName, string? WithdrawReason,
    DateTime RecordedAt);

/// <summary>
/// Grant: <c>Kind</c> Inclusive | Public | Grade | Demonstration; <c>Level</c> 一级/二级/三级 for a grade, 市级/区县级 for a
/// demonstration; <c>Basis</c> the decision document (≤ 200); <c>Version</c> the institution's version.
/// </summary>
public sealed record GrantDesignationRequest(string? Kind, string? Level, string? Basis, DateOnly? GrantedOn, DateOnly? ValidUntil, int? Version);

/// <summary>Withdrawal: a reason (≤ 500) and the date it takes effect; <c>Version</c> the institution's version.</summary>
public sealed record WithdrawDesignationRequest(string? Reason, DateOnly? WithdrawnOn, int? Version);

/// <summary>For the page: the kinds and demonstration levels the user may grant here, and the rows it may withdraw.</summary>
internal sealed record DesignationOptions(IReadOnlyList<Domain.DesignationKind> Kinds, IReadOnlyList<string> DemonstrationLevels, IReadOnlyList<Guid> Withdrawable);
