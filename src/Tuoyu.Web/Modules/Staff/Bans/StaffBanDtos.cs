namespace Tuoyu.Web.Modules.Staff.Bans;

public sealed record CreateStaffBanRequest(string? Name, string? IdNumber, string? DecisionReference, string? Reason, DateOnly? BannedOn);

/// <param name="CurrentPosts">Posts the person holds today anywhere (the regulator follows them up).</param>
public sealed record StaffBanView(Guid Id, string Name, string IdNumberMasked, string DecisionReference, string Reason, DateOnly BannedOn,
    string RegionCode, int CurrentPosts);

public sealed record StaffBanPage(IReadOnlyList<StaffBanView> Items, int Total, int Page, int PageSize);
