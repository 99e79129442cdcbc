namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 家园互动 (issue #4 item 6): a message in a child's thread between its guardians and the institution, or a
/// notice to a whole class (<see cref="ClassId"/> set, <see cref="ChildId"/> null). Messages are never edited.
/// </summary>
public sealed class Message
{
    public const int BodyMaxLength = 1000;

    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid? ChildId { get; init; }
    public Guid? ClassId { get; init; }
    public Guid SenderUserId { get; init; }
    public MessageSide SenderSide { get; init; }
    public required string Body { get; init; }
    public Guid? PhotoId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime SentAt { get; init; }
}

public enum MessageSide
{
    /// <summary>机构</summary>
    Institution = 1,
    /// <summary>家长</summary>
    Guardian = 2,
}

/// <summary>When a user read a message (unread counts; a guardian's "已读").</summary>
public sealed class MessageRead
{
    public Guid MessageId { get; init; }
    public Guid UserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime ReadAt { get; init; }
}
