using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// 家园互动 demo (ADR 0027): for each demo parent account, a short thread with the child's institution and a notice to the
/// child's class, the institution's last reply left unread so the badge shows. A <see cref="Random"/> of its own
/// (<see cref="Seed"/>); a handful of rows, so start-up cost is nil.
/// </summary>
internal static class DemoMessages
{
    public const int Seed = 4102;

    private static readonly string[][] Threads =
    [
        ["老师好，孩子昨晚有点咳嗽，今天请多让他喝水。", "好的，我们会多留意，午睡前也会提醒他喝水。", "谢谢老师！", "今天精神不错，饭也吃完了，请放心。"],
        ["明天外婆来接孩子，麻烦老师核对一下。", "收到，外婆已在授权接送人名单里，我们会核对身份。", "好的，辛苦了。", "今天户外活动玩得很开心。"],
    ];

    private static readonly string[] Notices =
    [
        "本周五上午开展消防安全演练，请家长提醒孩子不要害怕。",
        "下周一起午睡时间调整为12:00—14:30，请家长配合调整作息。",
        "近期气温变化较大，请为孩子准备一套备用衣物放在班级。",
    ];

    public static async Task SeedAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var rng = new Random(Seed);
        var accounts = await db.Users.AsNoTracking().Where(u => u.UserName == "parent0001" || u.UserName == "parent0002" || u.UserName == "carer0001"
                || u.UserName == "inst0001" || u.UserName == "inst0002")
            .Select(u => new { u.Id, u.UserName, u.InstitutionId }).ToListAsync(ct);
        var messages = new List<Message>();
        foreach (var parent in accounts.Where(a => a.UserName!.StartsWith("parent", StringComparison.Ordinal)).OrderBy(a => a.UserName))
        {
            var enrollment = await db.Guardians.AsNoTracking().Where(g => g.UserId == parent.Id)
                .Join(db.Enrollments.Where(e => e.EndDate == null), g => g.ChildId, e => e.ChildId, (g, e) => new { e.ChildId, e.InstitutionId, e.ClassId })
                .FirstOrDefaultAsync(ct);
            var staff = accounts.Where(a => a.InstitutionId == enrollment?.InstitutionId).OrderBy(a => a.UserName).FirstOrDefault();
            if (enrollment is null || staff is null) { continue; }
            var lines = Threads[rng.Next(Threads.Length)];
            var at = utcNow.AddDays(-2).AddMinutes(-rng.Next(60));
            for (var i = 0; i < lines.Length; i++)
            {
                var fromGuardian = i % 2 == 0 && i < lines.Length - 1;
                messages.Add(new Message
                {
                    Id = DemoGuids.Next(rng), InstitutionId = enrollment.InstitutionId, ChildId = enrollment.ChildId,
                    SenderUserId = fromGuardian ? parent.Id : staff.Id, SenderSide = fromGuardian ? MessageSide.Guardian : MessageSide.Institution,
                    Body = lines[i], SentAt = at.AddHours(i * 7 + rng.Next(3)),
                });
            }

            messages.Add(new Message
            {
                Id = DemoGuids.Next(rng), InstitutionId = enrollment.InstitutionId, ClassId = enrollment.ClassId, SenderUserId = staff.Id,
                SenderSide = MessageSide.Institution, Body = Notices[rng.Next(Notices.Length)], SentAt = utcNow.AddDays(-1).AddMinutes(-rng.Next(120)),
            });
            // The guardian has read all but the institution's latest message.
            var latest = messages.Where(m => m.ChildId == enrollment.ChildId).Max(m => m.SentAt);
            db.MessageReads.AddRange(messages.Where(m => m.ChildId == enrollment.ChildId && m.SenderSide == MessageSide.Institution && m.SentAt < latest)
                .Select(m => new MessageRead { MessageId = m.Id, UserId = parent.Id, ReadAt = m.SentAt.AddMinutes(30) }));
        }

        db.Messages.AddRange(messages);
        await db.SaveChangesAsync(ct);
    }
}
