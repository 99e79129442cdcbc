namespace Tuoyu.Web.Modules.Staff.Presence;

public sealed record StaffCheckInRequest(Guid? StaffMemberId, Guid? ClassId);

public sealed record StaffCheckOutRequest(Guid? StaffMemberId);

public sealed record StaffPresenceDto(Guid Id, Guid StaffMemberId, Guid? ClassId, DateOnly Date, DateTimeOffset CheckInAt, DateTimeOffset? CheckOutAt);
