using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>
/// Issue #4 item 6, ADR 0027: a child's thread between its guardians and the institution, class notices, read state —
/// and every boundary: another family, another institution, a regulator.
/// </summary>
public abstract class MessageTests(AppFixture fixture)
{
    private static string Thread(Guid child) => $"/api/v1/children/{child}/messages";

    private Task<int> MessageCountAsync(Guid institution) => fixture.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.InstitutionId == institution));

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await ApiAssert.OkAsync(await client.GetAsync("/api/v1/me/messages/unread"))).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_guardian_and_a_carer_exchange_messages_newest_last_with_unread_counts_and_read_marks()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var staff = await w.ClientAsync(w.StaffA);
        var sent = await ApiAssert.StatusAsync(await parent.PostAsJsonAsync(Thread(w.ChildA), new { body = "  孩子昨晚有点咳嗽，请多喝水  " }), HttpStatusCode.Created);
        Assert.Equal("孩子昨晚有点咳嗽，请多喝水", sent.GetProperty("body").GetString());
        Assert.Equal("Guardian", sent.GetProperty("senderSide").GetString());
        Assert.Equal("张丽（母亲）", sent.GetProperty("senderName").GetString());
        Assert.Equal(1, await UnreadAsync(staff));
        Assert.Equal(0, await UnreadAsync(parent));

        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(Thread(w.ChildA), new { body = "好的，会注意" }), HttpStatusCode.Created);
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(Thread(w.ChildA), new { body = "午睡很好" }), HttpStatusCode.Created);
        var unread = await ApiAssert.OkAsync(await parent.GetAsync("/api/v1/me/messages/unread"));
        Assert.Equal(2, unread.GetProperty("total").GetInt32());
        Assert.Equal(w.ChildA, unread.GetProperty("children")[0].GetProperty("childId").GetGuid());
        Assert.Equal(2, unread.GetProperty("children")[0].GetProperty("unread").GetInt32());

        var all = await ApiAssert.OkAsync(await parent.GetAsync(Thread(w.ChildA)));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var bodies = all.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.Equal(["孩子昨晚有点咳嗽，请多喝水", "好的，会注意", "午睡很好"], bodies);
        Assert.True(all.GetProperty("items")[0].GetProperty("mine").GetBoolean());
        Assert.False(all.GetProperty("items")[2].GetProperty("read").GetBoolean());

        // Page 1 holds the newest entries, oldest first within the page.
        var newest = await ApiAssert.OkAsync(await parent.GetAsync(Thread(w.ChildA) + "?pageSize=2"));
        Assert.Equal(["好的，会注意", "午睡很好"], newest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList());
        var older = await ApiAssert.OkAsync(await parent.GetAsync(Thread(w.ChildA) + "?pageSize=2&page=2"));
        Assert.Equal("孩子昨晚有点咳嗽，请多喝水", Assert.Single(older.GetProperty("items").EnumerateArray()).GetProperty("body").GetString());

        Assert.Equal(2, (await ApiAssert.OkAsync(await parent.PostAsync(Thread(w.ChildA) + "/read", null))).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await ApiAssert.OkAsync(await parent.PostAsync(Thread(w.ChildA) + "/read", null))).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(parent));
        Assert.True((await ApiAssert.OkAsync(await parent.GetAsync(Thread(w.ChildA)))).GetProperty("items")[2].GetProperty("read").GetBoolean());
        // The carer's own state is separate: the guardian's message is still unread for them.
        Assert.Equal(1, await UnreadAsync(staff));

        // Each read of the thread is audited, without the messages themselves.
        var audited = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "read" && a.EntityType == "Message" && a.EntityId == w.ChildA.ToString()).Select(a => a.Summary).ToListAsync());
        Assert.True(audited.Count >= 4);
        Assert.All(audited, s => Assert.DoesNotContain("咳嗽", s ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_inbox_lists_threads_unread_first_and_searches_by_child_name()
    {
        var w = await fixture.NewWorldAsync();
        var second = await AddChildAsync(w, w.InstitutionA, w.ClassA, "第二名儿童", parentUserName: w.ParentB);
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.StatusAsync(await admin.PostAsJsonAsync(Thread(second), new { body = "明天请带备用衣物" }), HttpStatusCode.Created);
        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.ParentA)).PostAsJsonAsync(Thread(w.ChildA), new { body = "今天外婆来接" }), HttpStatusCode.Created);
        await ApiAssert.StatusAsync(await admin.PostAsJsonAsync(Thread(second), new { body = "收到请回复" }), HttpStatusCode.Created);

        var inbox = await ApiAssert.OkAsync(await admin.GetAsync("/api/v1/messages/inbox"));
        Assert.Equal(2, inbox.GetProperty("total").GetInt32());
        Assert.Equal(w.ChildA, inbox.GetProperty("items")[0].GetProperty("childId").GetGuid());
        Assert.Equal(1, inbox.GetProperty("items")[0].GetProperty("unread").GetInt32());
        Assert.Equal("收到请回复", inbox.GetProperty("items")[1].GetProperty("lastBody").GetString());
        var found = await ApiAssert.OkAsync(await admin.GetAsync("/api/v1/messages/inbox?search=第二名"));
        Assert.Equal(second, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("childId").GetGuid());
        // Institution B's inbox holds none of A's threads.
        Assert.Equal(0, (await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync("/api/v1/messages/inbox"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_notice_reaches_only_guardians_of_children_enrolled_in_that_class()
    {
        var w = await fixture.NewWorldAsync();
        var otherClass = Guid.NewGuid();
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Classes.Add(new ChildcareClass { Id = otherClass, InstitutionId = w.InstitutionA, Name = "托大班", Type = ClassType.Preschool, Capacity = 15 });
            return await db.SaveChangesAsync();
        });
        // Parent B also has a child at institution A, but in the other class.
        var otherChild = await AddChildAsync(w, w.InstitutionA, otherClass, "另一班儿童", parentUserName: w.ParentB);
        var admin = await w.ClientAsync(w.AdminA);
        var notice = await ApiAssert.StatusAsync(await admin.PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/notices", new { body = "周五下午开家长会" }),
            HttpStatusCode.Created);
        Assert.Equal("Notice", notice.GetProperty("kind").GetString());

        var parentA = await w.ClientAsync(w.ParentA);
        var feed = await ApiAssert.OkAsync(await parentA.GetAsync(Thread(w.ChildA)));
        Assert.Equal("周五下午开家长会", Assert.Single(feed.GetProperty("items").EnumerateArray()).GetProperty("body").GetString());
        Assert.Equal(1, await UnreadAsync(parentA));

        var parentB = await w.ClientAsync(w.ParentB);
        Assert.Equal(0, (await ApiAssert.OkAsync(await parentB.GetAsync(Thread(otherChild)))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ApiAssert.OkAsync(await parentB.GetAsync(Thread(w.ChildB)))).GetProperty("total").GetInt32());
        Assert.Equal(0, await UnreadAsync(parentB));

        // Only the class's own institution posts to it; a guardian never does.
        var before = await MessageCountAsync(w.InstitutionA);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/notices", new { body = "冒充通知" }),
            HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/notices", new { body = "家长通知" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await MessageCountAsync(w.InstitutionA));
    }

    [Fact]
    public async Task Another_family_another_institution_and_a_regulator_can_neither_read_nor_write_the_thread()
    {
        var w = await fixture.NewWorldAsync();
        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync(Thread(w.ChildA), new { body = "今天表现很好" }), HttpStatusCode.Created);
        var before = await MessageCountAsync(w.InstitutionA);

        foreach (var outsider in new[] { w.ParentB, w.AdminB })
        {
            var client = await w.ClientAsync(outsider);
            await ApiAssert.ProblemAsync(await client.GetAsync(Thread(w.ChildA)), HttpStatusCode.NotFound);
            await ApiAssert.ProblemAsync(await client.PostAsJsonAsync(Thread(w.ChildA), new { body = "越界" }), HttpStatusCode.NotFound);
            await ApiAssert.ProblemAsync(await client.PostAsync(Thread(w.ChildA) + "/read", null), HttpStatusCode.NotFound);
            Assert.Equal(0, await UnreadAsync(client));
        }

        var regulator = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.ProblemAsync(await regulator.GetAsync(Thread(w.ChildA)), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regulator.PostAsJsonAsync(Thread(w.ChildA), new { body = "监管" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await MessageCountAsync(w.InstitutionA));
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.MessageReads.CountAsync(r => db.Messages.Any(m => m.Id == r.MessageId && m.ChildId == w.ChildA))));
    }

    [Fact]
    public async Task An_empty_or_overlong_message_is_a_400_and_messages_cannot_be_edited()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var empty = await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(Thread(w.ChildA), new { body = "   " }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("body", out _));
        // Message.BodyMaxLength = 1000 characters.
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(Thread(w.ChildA), new { body = new string('长', Message.BodyMaxLength + 1) }), HttpStatusCode.BadRequest);
        await ApiAssert.StatusAsync(await parent.PostAsJsonAsync(Thread(w.ChildA), new { body = new string('长', Message.BodyMaxLength) }), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(await parent.GetAsync(Thread(w.ChildA) + "?pageSize=101"), HttpStatusCode.BadRequest);

        var id = await fixture.Factory.WithDbAsync(db => db.Messages.Where(m => m.ChildId == w.ChildA).Select(m => m.Id).SingleAsync());
        var edit = await parent.PutAsJsonAsync($"{Thread(w.ChildA)}/{id}", new { body = "改过的" });
        Assert.False(edit.IsSuccessStatusCode);
        var delete = await parent.DeleteAsync($"{Thread(w.ChildA)}/{id}");
        Assert.False(delete.IsSuccessStatusCode);
        Assert.Equal(Message.BodyMaxLength, await fixture.Factory.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Body.Length).SingleAsync()));
    }

    /// <summary>A further child enrolled today at <paramref name="institution"/> in <paramref name="classId"/>, its guardian linked to <paramref name="parentUserName"/>.</summary>
    internal static async Task<Guid> AddChildAsync(AppFixture fixture, TestWorld w, Guid institution, Guid classId, string name, string parentUserName)
    {
        var id = Guid.NewGuid();
        var parentId = await w.UserIdAsync(parentUserName);
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Children.Add(new Child
            {
                Id = id, Name = name, BirthDate = new DateOnly(2025, 3, 1), Sex = Sex.Female, HukouLocal = true, BirthOrder = 1,
                IdNumberCipher = "x" + id.ToString("N"), IdNumberHash = id.ToString("N"), IdNumberMasked = "M*******1",
            });
            db.Enrollments.Add(new ChildEnrollment
            {
                Id = Guid.NewGuid(), ChildId = id, InstitutionId = institution, ClassId = classId, Service = CareServices.FullDay, StartDate = new DateOnly(2026, 1, 5),
            });
            db.Guardians.Add(new Guardian { Id = Guid.NewGuid(), ChildId = id, UserId = parentId, Name = "赵敏", Relation = "母亲", Phone = "13700001111" });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private Task<Guid> AddChildAsync(TestWorld w, Guid institution, Guid classId, string name, string parentUserName) =>
        AddChildAsync(fixture, w, institution, classId, name, parentUserName);
}

public sealed class SqliteMessageTests(SqliteFixture fixture) : MessageTests(fixture);

public sealed class PostgresMessageTests(PostgresFixture fixture) : MessageTests(fixture);
