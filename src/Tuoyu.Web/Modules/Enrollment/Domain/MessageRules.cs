namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>Rule codes and limits of 家园互动 (ADR 0027).</summary>
public static class MessageRules
{
    /// <summary>A guardian writes while the child is in no institution's care.</summary>
    public const string NotInCare = "messages.child_not_in_care";

    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;
}
