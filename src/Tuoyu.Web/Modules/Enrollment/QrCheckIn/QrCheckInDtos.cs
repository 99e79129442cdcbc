namespace Tuoyu.Web.Modules.Enrollment.QrCheckIn;

/// <summary>A guardian's tap at the institution's QR code: <c>Action</c> "in" (入园) or "out" (离园).</summary>
public sealed record QrCheckInRequest(string? Token, Guid? ChildId, string? Action);

/// <summary>Today's code of the caller's institution: the page renders <c>Path</c> (under the site's address) as a QR code.</summary>
public sealed record QrCodeDto(Guid InstitutionId, string InstitutionName, DateOnly Date, string Token, string Path);

/// <summary>What a guardian sees after scanning: the institution and their children enrolled there today.</summary>
public sealed record QrVisitDto(Guid InstitutionId, string InstitutionName, DateOnly Date, IReadOnlyList<QrChildDto> Children);

public sealed record QrChildDto(Guid ChildId, string Name, string StatusName, bool CanCheckIn, bool CanCheckOut);
