namespace Tuoyu.Web.Modules.Enrollment.Applications;

/// <summary>A family's application to one or more institutions: one application each, all or nothing.</summary>
public sealed record ApplyRequest(Guid? ChildId, IReadOnlyList<Guid>? InstitutionIds, string? Service, string? StartMonth, string? Note);

/// <summary>发出学位: the class and the last day to accept (default: today + the configured offer days).</summary>
public sealed record OfferRequest(Guid? ClassId, DateOnly? ExpiresOn);

/// <summary>不予录取, with the reason the family will read.</summary>
public sealed record RefuseRequest(string? Reason);

/// <summary>An application as the family sees it.</summary>
public sealed record ApplicationView(Guid Id, Guid ChildId, string ChildName, Guid InstitutionId, string InstitutionName, string Service,
    string ServiceName, string StartMonth, string Status, string StatusName, DateTime SubmittedAt, Guid? OfferedClassId, string? OfferedClassName,
    DateOnly? OfferExpiresOn, string? Note, Guid? EnrollmentId, int Version);

/// <summary>One row of an institution's queue: the child's age on the start date and the class types it fits.</summary>
public sealed record QueueItem(Guid Id, Guid ChildId, string ChildName, int AgeMonthsOnStart, IReadOnlyList<string> FitsClassTypes,
    IReadOnlyList<string> FitsClassTypeNames, string Service, string ServiceName, string StartMonth, string Status, string StatusName,
    DateTime SubmittedAt, Guid? OfferedClassId, string? OfferedClassName, DateOnly? OfferExpiresOn, string? Note, int Version);

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, int Page, int PageSize);

/// <summary>An institution a family may apply to.</summary>
public sealed record ApplicableInstitution(Guid Id, string Name, IReadOnlyList<string> Services, IReadOnlyList<string> ServiceNames);

/// <summary>Applications settings (section <c>Applications</c>).</summary>
public sealed class ApplicationSettings
{
    /// <summary>Days an offer stays open when the admin names no deadline (<see cref="Domain.ApplicationRules.DefaultOfferDays"/>, ADR 0026).</summary>
    public int OfferDays { get; set; } = Domain.ApplicationRules.DefaultOfferDays;
}
