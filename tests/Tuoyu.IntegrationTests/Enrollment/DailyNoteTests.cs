using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>Issue #4 items 6 and 7: the carer's daily note and the parent's view of their own child's days — and nobody else's.</summary>
public abstract class DailyNoteTests(AppFixture fixture)
{
    private static string Note(Guid child) => $"/api/v1/children/{child}/daily-notes/today";

    private Task<string> NotesAsync(Guid child) => fixture.Factory.WithDbAsync(async db =>
        string.Join(";", await db.DailyNotes.AsNoTracking().Where(n => n.ChildId == child).Select(n => $"{n.Date}|{n.Text}|{n.Version}").ToListAsync()));

    [Fact]
    public async Task A_carer_writes_todays_note_a_second_save_updates_it_and_the_parent_reads_it_with_the_morning_check()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync("/api/v1/attendance/check-ins", new { childId = w.ChildA, temperature = 36.8m }), HttpStatusCode.Created);
        var first = await ApiAssert.StatusAsync(await staff.PutAsJsonAsync(Note(w.ChildA), new { meals = "Most", napMinutes = 80, mood = "Happy", text = "爱上了搭积木" }),
            HttpStatusCode.Created);
        Assert.Equal("吃了大部分", first.GetProperty("mealsName").GetString());
        var second = await ApiAssert.OkAsync(await staff.PutAsJsonAsync(Note(w.ChildA), new { meals = "All", toiletingTimes = 3, text = "午饭全部吃完" }));
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("version").GetInt32() + 1, second.GetProperty("version").GetInt32());

        var parent = await w.ClientAsync(w.ParentA);
        var days = await ApiAssert.OkAsync(await parent.GetAsync($"/api/v1/children/{w.ChildA}/days"));
        var today = days[0];
        Assert.Equal("在园", today.GetProperty("statusName").GetString());
        Assert.Equal(36.8m, today.GetProperty("temperature").GetDecimal());
        Assert.Equal("午饭全部吃完", today.GetProperty("note").GetProperty("text").GetString());
        Assert.Equal(JsonNull, today.GetProperty("note").GetProperty("mood").ValueKind);

        var mine = await ApiAssert.OkAsync(await parent.GetAsync("/api/v1/me/children"));
        Assert.Equal(1, mine.GetArrayLength());
        Assert.Equal(w.ChildA, mine[0].GetProperty("childId").GetGuid());
        Assert.Equal("托小班", mine[0].GetProperty("className").GetString());
        Assert.StartsWith("测试托育A", mine[0].GetProperty("institutionName").GetString());
        Assert.Equal("在园", mine[0].GetProperty("today").GetProperty("statusName").GetString());

        // Each read of the child's days is in the audit log, without the data itself.
        var audited = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "read" && a.EntityType == "AttendanceDay" && a.EntityId == w.ChildA.ToString()).Select(a => a.Summary).ToListAsync());
        Assert.True(audited.Count >= 2);
        Assert.All(audited, s => Assert.DoesNotContain("午饭", s ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_family_and_another_institution_cannot_read_or_write_the_childs_days()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        await ApiAssert.StatusAsync(await staff.PutAsJsonAsync(Note(w.ChildA), new { text = "第一天入托" }), HttpStatusCode.Created);
        var before = await NotesAsync(w.ChildA);

        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).GetAsync($"/api/v1/children/{w.ChildA}/days"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).GetAsync($"/api/v1/children/{w.ChildA}/days"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).PutAsJsonAsync(Note(w.ChildA), new { text = "冒充" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentA)).PutAsJsonAsync(Note(w.ChildA), new { text = "家长不能写" }), HttpStatusCode.Forbidden);
        var other = await ApiAssert.OkAsync(await (await w.ClientAsync(w.ParentB)).GetAsync("/api/v1/me/children"));
        Assert.DoesNotContain(other.EnumerateArray(), c => c.GetProperty("childId").GetGuid() == w.ChildA);
        Assert.Equal(before, await NotesAsync(w.ChildA));
    }

    [Fact]
    public async Task Bad_notes_are_a_400_naming_the_field_and_write_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        async Task Expect(object body, string field)
        {
            var p = await ApiAssert.ProblemAsync(await staff.PutAsJsonAsync(Note(w.ChildA), body), HttpStatusCode.BadRequest);
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {p}");
        }

        await Expect(new { napMinutes = 301 }, "napMinutes");
        await Expect(new { toiletingTimes = -1 }, "toiletingTimes");
        await Expect(new { meals = "Lots" }, "meals");
        await Expect(new { mood = "3" }, "mood");
        await Expect(new { text = new string('好', 201) }, "text");
        await Expect(new { }, "text");
        await ApiAssert.ProblemAsync(await staff.GetAsync($"/api/v1/children/{w.ChildA}/days?from=2026-01-01&to=2026-06-30"), HttpStatusCode.BadRequest);
        Assert.Equal("", await NotesAsync(w.ChildA));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class SqliteDailyNoteTests(SqliteFixture fixture) : DailyNoteTests(fixture);

public sealed class PostgresDailyNoteTests(PostgresFixture fixture) : DailyNoteTests(fixture);
