namespace Tuoyu.Web.Modules.Staff.Bans;

/// <summary>The form of the /staff-bans page.</summary>
public sealed class StaffBanInput
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? DecisionReference { get; set; }
    public string? Reason { get; set; }
    public DateOnly? BannedOn { get; set; }
}
