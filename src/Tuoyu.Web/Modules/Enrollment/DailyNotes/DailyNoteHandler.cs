using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.DailyNotes;

/// <summary>
/// 家园互动, the daily note (issue #4 item 6): a carer writes today's note in seconds (one per child and day, a second
/// save updates it); guardians read their own children's days — attendance, 晨检 and note — and nobody else's.
/// </summary>
internal sealed class DailyNoteHandler(AppDbContext db, CurrentUser current, IChildScope scope, AttendanceHandler attendance,
    IInstitutionDirectory institutions, IClassDirectory classes, AuditLog audit, TimeProvider clock, Photos.PhotoHandler photos)
{
    public const int MaxNapMinutes = 300;
    public const int MaxToiletingTimes = 20;
    public const int MaxHistoryDays = 92;

    public async Task<(DailyNoteDto Note, bool Created)> SaveTodayAsync(Guid childId, DailyNoteRequest request, CancellationToken ct)
    {
        MealAmount meals = default;
        Mood mood = default;
        new Validate()
            .Check(request.Meals is null || TryParse(request.Meals, out meals), "meals", "进餐应为 All（全部吃完）、Most（大部分）、Little（少部分）或 None（未进食）")
            .Check(request.Mood is null || TryParse(request.Mood, out mood), "mood", "情绪应为 Happy（愉快）、Calm（平稳）、Upset（哭闹）或 Unwell（不适）")
            .Check(request.NapMinutes is null or (>= 0 and <= MaxNapMinutes), "napMinutes", $"午睡时长应在0到{MaxNapMinutes}分钟之间")
            .Check(request.ToiletingTimes is null or (>= 0 and <= MaxToiletingTimes), "toiletingTimes", $"如厕次数应在0到{MaxToiletingTimes}之间")
            .Optional("text", request.Text, "一句话", DailyNote.TextMaxLength)
            .Check(request.Meals is not null || request.Mood is not null || request.NapMinutes is not null || request.ToiletingTimes is not null
                || !string.IsNullOrWhiteSpace(request.Text) || request.PhotoId is not null, "text", "请至少填写一项")
            .ThrowIfInvalid();

        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var enrollment = await attendance.EnrollmentOnAsync(user, childId, today, ct);
        var note = await db.DailyNotes.FirstOrDefaultAsync(n => n.ChildId == childId && n.Date == today, ct);
        var created = note is null;
        if (request.PhotoId is { } photoId) { await photos.EnsureAttachableAsync(user, photoId, enrollment.InstitutionId, note?.PhotoId, ct); }
        note ??= db.DailyNotes.Add(new DailyNote { Id = Guid.NewGuid(), ChildId = childId, InstitutionId = enrollment.InstitutionId, Date = today }).Entity;
        note.Meals = request.Meals is null ? null : meals;
        note.Mood = request.Mood is null ? null : mood;
        note.NapMinutes = request.NapMinutes;
        note.ToiletingTimes = request.ToiletingTimes;
        note.Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        note.PhotoId = request.PhotoId ?? note.PhotoId;
        note.AuthorUserId = user.Id;
        note.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (await attendance.TrySaveAsync(ct) is { } failure)
        {
            // Two carers wrote the first note of the day at once: the other one's stands.
            var winner = await db.DailyNotes.AsNoTracking().FirstOrDefaultAsync(n => n.ChildId == childId && n.Date == today, ct);
            if (winner is null) { failure.Throw(); }
            return (ToDto(winner!), false);
        }

        return (ToDto(note), created);
    }

    /// <summary>The child's days from <paramref name="from"/> to <paramref name="to"/> (newest first), within the caller's scope (404 outside).</summary>
    public async Task<IReadOnlyList<ChildDayDto>> DaysAsync(Guid childId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var last = to ?? today;
        var first = from ?? last.AddDays(-13);
        new Validate()
            .Check(first <= last, "from", "开始日期不能晚于结束日期")
            .Check(last.DayNumber - first.DayNumber < MaxHistoryDays, "from", $"一次最多查询{MaxHistoryDays}天")
            .ThrowIfInvalid();
        var user = await current.RequireAsync(ct);
        await EnsureInScopeAsync(user, childId, ct);
        await AuditReadAsync(childId, ct);
        return await DaysOfAsync(childId, first, last, ct);
    }

    /// <summary>A guardian's children, each with today's day (parents only: the children linked to their account).</summary>
    public async Task<IReadOnlyList<MyChildDto>> MyChildrenAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.Kind != UserKind.Parent) { return []; }
        var today = ChinaTime.Today(clock);
        var children = await db.Guardians.AsNoTracking().Where(g => g.UserId == user.Id)
            .Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new { c.Id, c.Name, c.BirthDate })
            .OrderBy(c => c.BirthDate).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => ids.Contains(e.ChildId) && e.StartDate <= today && (e.EndDate == null || e.EndDate >= today))
            .Select(e => new { e.ChildId, e.InstitutionId, e.ClassId }).ToListAsync(ct);
        var names = await institutions.InstitutionNamesAsync([.. enrollments.Select(e => e.InstitutionId).Distinct()], ct);
        var result = new List<MyChildDto>();
        foreach (var c in children)
        {
            var e = enrollments.FirstOrDefault(x => x.ChildId == c.Id);
            var cls = e is null ? null : await classes.FindAsync(e.ClassId, ct);
            await AuditReadAsync(c.Id, ct);
            var day = (await DaysOfAsync(c.Id, today, today, ct)).FirstOrDefault();
            result.Add(new MyChildDto(c.Id, c.Name, Age.InMonths(c.BirthDate, today), e is null ? null : names.GetValueOrDefault(e.InstitutionId), cls?.Name, day));
        }

        return result;
    }

    /// <summary>The 晨检 and notes are a child's health data: every read is logged (security.md 16.3 ★), never the data itself.</summary>
    private Task AuditReadAsync(Guid childId, CancellationToken ct) =>
        audit.RecordAsync("read", nameof(AttendanceDay), childId.ToString(), "success", "{\"fields\":[\"Attendance\",\"HealthCheck\",\"DailyNote\"]}", ct: ct);

    private async Task EnsureInScopeAsync(UserContext user, Guid childId, CancellationToken ct)
    {
        var ids = scope.IdsInScope(user);
        if (!await ids.AnyAsync(id => id == childId, ct)) { throw new NotFoundException("儿童"); }
    }

    private async Task<IReadOnlyList<ChildDayDto>> DaysOfAsync(Guid childId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var days = await db.Attendance.AsNoTracking().Where(a => a.ChildId == childId && a.Date >= first && a.Date <= last).ToListAsync(ct);
        var notes = await db.DailyNotes.AsNoTracking().Where(n => n.ChildId == childId && n.Date >= first && n.Date <= last).ToDictionaryAsync(n => n.Date, ct);
        var result = new List<ChildDayDto>();
        foreach (var date in days.Select(d => d.Date).Union(notes.Keys).OrderDescending())
        {
            var a = days.FirstOrDefault(d => d.Date == date);
            var note = notes.TryGetValue(date, out var n) ? ToDto(n) : null;
            if (a is null)
            {
                result.Add(new ChildDayDto(date, "NotRecorded", "未登记", null, null, null, [], null, null, note));
                continue;
            }

            var dto = await attendance.ToDtoAsync(a, ct);
            result.Add(new ChildDayDto(date, dto.Status, dto.StatusName, dto.CheckInAt, dto.CheckOutAt, dto.Temperature, dto.HealthCheck,
                dto.PickedUpByName, dto.AbsenceReason, note));
        }

        return result;
    }

    private static bool TryParse<T>(string value, out T result) where T : struct, Enum
    {
        result = default;
        return char.IsAsciiLetter(value.Trim().FirstOrDefault()) && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && Enum.IsDefined(result);
    }

    private static DailyNoteDto ToDto(DailyNote n) => new(n.Id, n.ChildId, n.Date, n.Meals?.ToString(), n.Meals is { } m ? MealName(m) : null,
        n.NapMinutes, n.ToiletingTimes, n.Mood?.ToString(), n.Mood is { } mo ? MoodName(mo) : null, n.Text,
        new DateTimeOffset(DateTime.SpecifyKind(n.UpdatedAt, DateTimeKind.Utc)), n.Version, n.PhotoId,
        n.PhotoId is { } photo ? Photos.PhotoHandler.Url(photo) : null);

    public static string MealName(MealAmount m) => m switch
    {
        MealAmount.All => "全部吃完",
        MealAmount.Most => "吃了大部分",
        MealAmount.Little => "吃了少部分",
        MealAmount.None => "未进食",
        _ => m.ToString(),
    };

    public static string MoodName(Mood m) => m switch
    {
        Mood.Happy => "愉快",
        Mood.Calm => "平稳",
        Mood.Upset => "哭闹",
        Mood.Unwell => "不适",
        _ => m.ToString(),
    };
}
