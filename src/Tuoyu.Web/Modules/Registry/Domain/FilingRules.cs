using Tuoyu.Web.Common.Regions;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>Who asks for a filing step, as the rules need it (the handler maps the signed-in user to this).</summary>
public sealed record FilingActor(FilingActorRole Role, Guid? InstitutionId, string? RegionCode);

public enum FilingActorRole
{
    Other = 0,
    InstitutionAdmin = 1,
    Regulator = 2,
}

public enum FilingRefusalKind
{
    /// <summary>403: this kind of user (or this regulator's level or region) may not take this step.</summary>
    WrongActor = 1,
    /// <summary>400 on field <c>reason</c>: the step needs a reason (or the reason is too long).</summary>
    ReasonInvalid = 2,
    /// <summary>409 <see cref="FilingRules.InvalidTransition"/>: the institution's status does not allow the step.</summary>
    InvalidTransition = 3,
}

public sealed record FilingRefusal(FilingRefusalKind Kind, string Message);

/// <summary>
/// The filing (备案) state machine, issue #3 item 3 (托育机构登记和备案办法（试行）; domain.md, Filing). Pure:
/// <list type="bullet">
/// <item>submit: from NotFiled or Returned, by the institution's own admin;</item>
/// <item>approve / return / reject: from Submitted; revoke: from Filed — by a regulator whose region covers the
/// institution and is county level or above (the county health department files; a street-level regulator
/// cannot: Zhuzhou 三(五)2);</item>
/// <item>return, reject and revoke need a reason of at most 500 characters.</item>
/// </list>
/// Checks run in that order: actor (403), reason (400), status (409).
/// </summary>
public static class FilingRules
{
    public const string InvalidTransition = "registry.filing_invalid_transition";

    public static FilingStatus? Target(FilingAction action, FilingStatus from) => (action, from) switch
    {
        (FilingAction.Submit, FilingStatus.NotFiled or FilingStatus.Returned) => FilingStatus.Submitted,
        (FilingAction.Approve, FilingStatus.Submitted) => FilingStatus.Filed,
        (FilingAction.Return, FilingStatus.Submitted) => FilingStatus.Returned,
        (FilingAction.Reject, FilingStatus.Submitted) => FilingStatus.Rejected,
        (FilingAction.Revoke, FilingStatus.Filed) => FilingStatus.Revoked,
        _ => null,
    };

    public static bool NeedsReason(FilingAction action) =>
        action is FilingAction.Return or FilingAction.Reject or FilingAction.Revoke;

    /// <summary>True when <paramref name="actor"/> may take <paramref name="action"/> on this institution at all (status aside).</summary>
    public static bool MayAct(FilingAction action, FilingActor actor, Guid institutionId, string institutionRegion) => action switch
    {
        FilingAction.Submit => actor.Role == FilingActorRole.InstitutionAdmin && actor.InstitutionId == institutionId,
        _ => actor.Role == FilingActorRole.Regulator
            && actor.RegionCode is { } code && RegionCode.IsValid(code)
            && RegionCode.LevelOf(code) is RegionLevel.Province or RegionLevel.City or RegionLevel.County
            && RegionCode.IsWithin(institutionRegion, code),
    };

    /// <summary>The status the step leads to, or why it is refused.</summary>
    public static (FilingStatus? To, FilingRefusal? Refusal) Decide(
        FilingAction action, FilingStatus from, Guid institutionId, string institutionRegion, FilingActor actor, string? reason)
    {
        if (!MayAct(action, actor, institutionId, institutionRegion))
        {
            return (null, new FilingRefusal(FilingRefusalKind.WrongActor, action == FilingAction.Submit
                ? "只有本机构管理员可以提交备案"
                : "只有管辖该机构的县级及以上卫生健康部门可以办理备案审核"));
        }

        if (NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            return (null, new FilingRefusal(FilingRefusalKind.ReasonInvalid, $"{ActionName(action)}须填写理由"));
        }

        if (reason is not null && reason.Trim().Length > FilingEvent.ReasonMaxLength)
        {
            return (null, new FilingRefusal(FilingRefusalKind.ReasonInvalid, $"理由不能超过{FilingEvent.ReasonMaxLength}个字符"));
        }

        return Target(action, from) is { } to
            ? (to, null)
            : (null, new FilingRefusal(FilingRefusalKind.InvalidTransition, $"机构当前备案状态为“{StatusName(from)}”，不能{ActionName(action)}"));
    }

    public static string ActionName(FilingAction a) => a switch
    {
        FilingAction.Submit => "提交备案",
        FilingAction.Approve => "予以备案",
        FilingAction.Return => "退回补正",
        FilingAction.Reject => "不予备案",
        FilingAction.Revoke => "撤销备案",
        _ => a.ToString(),
    };

    public static string StatusName(FilingStatus s) => s switch
    {
        FilingStatus.NotFiled => "未备案",
        FilingStatus.Submitted => "已提交",
        FilingStatus.Filed => "已备案",
        FilingStatus.Returned => "已退回",
        FilingStatus.Revoked => "已撤销",
        FilingStatus.Rejected => "不予备案",
        _ => s.ToString(),
    };
}
