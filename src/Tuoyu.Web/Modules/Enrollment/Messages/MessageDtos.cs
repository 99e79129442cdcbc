namespace Tuoyu.Web.Modules.Enrollment.Messages;

/// <summary>A message in a child's thread, or a class notice; <c>PhotoId</c> from <c>POST /api/v1/photos</c>.</summary>
public sealed record MessageRequest(string? Body, Guid? PhotoId);

/// <summary>
/// One entry of a child's feed. <c>Kind</c> "Message" (the child's thread) or "Notice" (to the child's class);
/// <c>SenderSide</c> "Institution" or "Guardian"; <c>Read</c>: read by the caller (own messages count as read).
/// </summary>
public sealed record MessageDto(Guid Id, string Kind, Guid? ChildId, Guid? ClassId, string SenderSide, string SenderName, string Body,
    Guid? PhotoId, string? PhotoUrl, DateTimeOffset SentAt, bool Mine, bool Read);

/// <summary>A page of a child's feed, oldest first within the page; page 1 holds the newest entries.</summary>
public sealed record MessagePage(IReadOnlyList<MessageDto> Items, int Total, int Page, int PageSize);

public sealed record UnreadCounts(int Total, IReadOnlyList<ChildUnread> Children);

public sealed record ChildUnread(Guid ChildId, int Unread);

/// <summary>A child's thread in the institution's inbox: unread (for the caller) first, then the latest.</summary>
public sealed record InboxThread(Guid ChildId, string ChildName, DateTimeOffset LastAt, string LastBody, string LastSenderSide, int Unread);

public sealed record InboxPage(IReadOnlyList<InboxThread> Items, int Total, int Page, int PageSize);

public sealed record MarkReadResult(int Marked);
