using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Registry;

public sealed class FilingRulesTests
{
    private static readonly Guid Inst = Guid.NewGuid();
    private const string Street = "430102001000";
    private static readonly FilingActor Admin = new(FilingActorRole.InstitutionAdmin, Inst, null);
    private static readonly FilingActor OtherAdmin = new(FilingActorRole.InstitutionAdmin, Guid.NewGuid(), null);
    private static readonly FilingActor County = new(FilingActorRole.Regulator, null, "430102000000");
    private static readonly FilingActor City = new(FilingActorRole.Regulator, null, "430100000000");
    private static readonly FilingActor StreetRegulator = new(FilingActorRole.Regulator, null, Street);
    private static readonly FilingActor OtherCounty = new(FilingActorRole.Regulator, null, "430104000000");

    private static (FilingStatus? To, FilingRefusal? Refusal) Decide(FilingAction a, FilingStatus from, FilingActor actor, string? reason = null) =>
        FilingRules.Decide(a, from, Inst, Street, actor, reason);

    [Theory]
    [InlineData(FilingAction.Submit, FilingStatus.NotFiled, FilingStatus.Submitted)]
    [InlineData(FilingAction.Submit, FilingStatus.Returned, FilingStatus.Submitted)]
    [InlineData(FilingAction.Approve, FilingStatus.Submitted, FilingStatus.Filed)]
    [InlineData(FilingAction.Return, FilingStatus.Submitted, FilingStatus.Returned)]
    [InlineData(FilingAction.Reject, FilingStatus.Submitted, FilingStatus.Rejected)]
    [InlineData(FilingAction.Revoke, FilingStatus.Filed, FilingStatus.Revoked)]
    public void FilingRules_allowed_transitions(FilingAction action, FilingStatus from, FilingStatus to)
    {
        var actor = action == FilingAction.Submit ? Admin : County;
        var (result, refusal) = Decide(action, from, actor, "材料不全");
        Assert.Null(refusal);
        Assert.Equal(to, result);
    }

    [Fact]
    public void FilingRules_every_other_transition_is_invalid()
    {
        var allowed = 0;
        foreach (var action in Enum.GetValues<FilingAction>())
        {
            foreach (var from in Enum.GetValues<FilingStatus>())
            {
                var actor = action == FilingAction.Submit ? Admin : County;
                var (to, refusal) = Decide(action, from, actor, "理由");
                if (to is null) { Assert.Equal(FilingRefusalKind.InvalidTransition, refusal!.Kind); }
                else { allowed++; }
            }
        }

        Assert.Equal(6, allowed);
    }

    [Theory]
    [InlineData(FilingStatus.Submitted)]
    [InlineData(FilingStatus.Filed)]
    [InlineData(FilingStatus.Rejected)]
    [InlineData(FilingStatus.Revoked)]
    public void FilingRules_submit_from_a_status_other_than_not_filed_or_returned_is_invalid(FilingStatus from)
    {
        Assert.Equal(FilingRefusalKind.InvalidTransition, Decide(FilingAction.Submit, from, Admin).Refusal!.Kind);
    }

    [Fact]
    public void FilingRules_only_the_institutions_own_admin_submits()
    {
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(FilingAction.Submit, FilingStatus.NotFiled, OtherAdmin).Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(FilingAction.Submit, FilingStatus.NotFiled, County).Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(FilingAction.Submit, FilingStatus.NotFiled, new FilingActor(FilingActorRole.Other, Inst, null)).Refusal!.Kind);
    }

    [Theory]
    [InlineData(FilingAction.Approve, FilingStatus.Submitted)]
    [InlineData(FilingAction.Return, FilingStatus.Submitted)]
    [InlineData(FilingAction.Reject, FilingStatus.Submitted)]
    [InlineData(FilingAction.Revoke, FilingStatus.Filed)]
    public void FilingRules_review_needs_a_covering_regulator_of_county_level_or_above(FilingAction action, FilingStatus from)
    {
        Assert.Null(Decide(action, from, County, "理由").Refusal);
        Assert.Null(Decide(action, from, City, "理由").Refusal);
        Assert.Null(Decide(action, from, new FilingActor(FilingActorRole.Regulator, null, "430000000000"), "理由").Refusal);
        // Zhuzhou 三(五)2: the county health department files; a street-level regulator cannot.
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(action, from, StreetRegulator, "理由").Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(action, from, OtherCounty, "理由").Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(action, from, Admin, "理由").Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(action, from, new FilingActor(FilingActorRole.Regulator, null, null), "理由").Refusal!.Kind);
    }

    [Theory]
    [InlineData(FilingAction.Return, FilingStatus.Submitted)]
    [InlineData(FilingAction.Reject, FilingStatus.Submitted)]
    [InlineData(FilingAction.Revoke, FilingStatus.Filed)]
    public void FilingRules_return_reject_and_revoke_need_a_reason_of_at_most_500_characters(FilingAction action, FilingStatus from)
    {
        Assert.Equal(FilingRefusalKind.ReasonInvalid, Decide(action, from, County).Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.ReasonInvalid, Decide(action, from, County, "  ").Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.ReasonInvalid, Decide(action, from, County, new string('理', 501)).Refusal!.Kind);
        Assert.Null(Decide(action, from, County, new string('理', 500)).Refusal);
    }

    [Fact]
    public void FilingRules_submit_and_approve_need_no_reason()
    {
        Assert.Null(Decide(FilingAction.Submit, FilingStatus.NotFiled, Admin).Refusal);
        Assert.Null(Decide(FilingAction.Approve, FilingStatus.Submitted, County).Refusal);
    }

    [Fact]
    public void FilingRules_the_actor_is_checked_before_the_reason_and_the_status()
    {
        Assert.Equal(FilingRefusalKind.WrongActor, Decide(FilingAction.Return, FilingStatus.NotFiled, StreetRegulator).Refusal!.Kind);
        Assert.Equal(FilingRefusalKind.ReasonInvalid, Decide(FilingAction.Return, FilingStatus.NotFiled, County).Refusal!.Kind);
    }
}
