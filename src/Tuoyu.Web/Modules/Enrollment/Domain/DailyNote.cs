using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>
/// 每日成长记录 (issue #4 item 6): a small note per child and day that takes a carer seconds — meals, nap,
/// toileting, mood, one line, an optional photo. One per child and date; guardians see only their own children's.
/// </summary>
public sealed class DailyNote : IVersioned
{
    public const int TextMaxLength = 200;

    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public DateOnly Date { get; init; }
    public MealAmount? Meals { get; set; }
    public int? NapMinutes { get; set; }
    /// <summary>大小便次数.</summary>
    public int? ToiletingTimes { get; set; }
    public Mood? Mood { get; set; }
    public string? Text { get; set; }
    public Guid? PhotoId { get; set; }
    public Guid AuthorUserId { get; set; }
    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum MealAmount
{
    /// <summary>全部吃完</summary>
    All = 1,
    /// <summary>吃了大部分</summary>
    Most = 2,
    /// <summary>吃了少部分</summary>
    Little = 3,
    /// <summary>未进食</summary>
    None = 4,
}

public enum Mood
{
    /// <summary>愉快</summary>
    Happy = 1,
    /// <summary>平稳</summary>
    Calm = 2,
    /// <summary>哭闹</summary>
    Upset = 3,
    /// <summary>不适</summary>
    Unwell = 4,
}

/// <summary>A photo attached to a daily note or a message; bytes in their own table, never under a user file name.</summary>
public sealed class Photo
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public required byte[] Bytes { get; init; }
    public Guid UploadedByUserId { get; init; }
    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; init; }
}
