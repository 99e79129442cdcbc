using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>Issue #4 item 1 (ADR 0023): registering a child, guardians and authorised pick-up persons — masked, unique, in scope.</summary>
public abstract class ChildRegistrationTests(AppFixture fixture)
{
    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private static object Body(string idNumber, DateOnly birth, Guid? classId, string phone = "13912345678", string? userName = null, string name = "王小明") => new
    {
        name, idNumber, birthDate = birth, sex = "Male", hukouLocal = true, hukouRegionCode = "430102000000", birthOrder = 2,
        allergies = "牛奶", healthNotes = (string?)null,
        guardians = new[] { new { name = "王强", relation = "父亲", phone, userName } },
        enrollment = classId is null ? null : new { classId, serviceType = "FullDay", startDate = Today.AddDays(1) },
    };

    private Task OfferAsync(TestWorld w) => fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA || i.Id == w.InstitutionB)
        .ExecuteUpdateAsync(s => s.SetProperty(i => i.Services, CareServices.FullDay)));

    /// <summary>The world's rows (other tests write to the same database at the same time): children are named with its suffix.</summary>
    private Task<string> RowsAsync(TestWorld w) => fixture.Factory.WithDbAsync(async db =>
    {
        var children = db.Children.Where(c => c.Name.Contains(w.Suffix) || c.Id == w.ChildA || c.Id == w.ChildB).Select(c => c.Id);
        return $"{await children.CountAsync()}|{await db.Guardians.CountAsync(g => children.Contains(g.ChildId))}|" +
            $"{await db.Enrollments.CountAsync(e => e.InstitutionId == w.InstitutionA || e.InstitutionId == w.InstitutionB)}|" +
            $"{await db.PickupPersons.CountAsync(p => children.Contains(p.ChildId) && p.RevokedAt == null)}";
    });

    [Fact]
    public async Task The_admin_registers_and_places_a_child_the_number_is_encrypted_and_masked_everywhere()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var admin = await w.ClientAsync(w.AdminA);
        var (number, birth) = TestIds.ResidentId("430102", Today.AddMonths(-16));
        var response = await admin.PostAsJsonAsync("/api/v1/children", Body(number, birth, w.ClassA));
        var raw = await response.Content.ReadAsStringAsync();
        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.DoesNotContain(number, raw, StringComparison.Ordinal);
        Assert.Equal(number[..6] + "********" + number[^4..], created.GetProperty("idNumberMasked").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.NotEqual(Guid.Empty, created.GetProperty("enrollmentId").GetGuid());

        var detailRaw = await (await admin.GetAsync($"/api/v1/children/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(number, detailRaw, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", detailRaw, StringComparison.Ordinal);
        var stored = await fixture.Factory.WithDbAsync(db => db.Children.AsNoTracking().FirstAsync(c => c.Id == id));
        Assert.DoesNotContain(number, stored.IdNumberCipher, StringComparison.Ordinal);
        Assert.Equal(2, stored.BirthOrder);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.EnrollmentEvents.CountAsync(e => e.ChildId == id)));

        // A birth-certificate number (one letter and nine digits) is accepted too, masked the same way.
        var cert = "N" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        var second = await ApiAssert.StatusAsync(await admin.PostAsJsonAsync("/api/v1/children", Body(cert, Today.AddMonths(-14), w.ClassA)), HttpStatusCode.Created);
        Assert.Equal("N*****" + cert[^4..], second.GetProperty("idNumberMasked").GetString());
    }

    [Fact]
    public async Task A_second_child_with_the_same_number_is_409_also_when_five_arrive_at_once()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var admin = await w.ClientAsync(w.AdminA);
        var before = await RowsAsync(w);
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/children", Body(w.ChildAIdNumber.ToLowerInvariant(), DateFromId(w.ChildAIdNumber), w.ClassA, name: "重复" + w.Suffix)),
            HttpStatusCode.Conflict, "enrollment.child_duplicate");
        Assert.Equal(before, await RowsAsync(w));

        var (number, birth) = TestIds.ResidentId("430102", Today.AddMonths(-15));
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => admin.PostAsJsonAsync("/api/v1/children", Body(number, birth, w.ClassA))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ProblemAsync(r, HttpStatusCode.Conflict, "enrollment.child_duplicate");
        }

        var hash = "";
        await fixture.Factory.WithScopeAsync(sp =>
        {
            hash = sp.GetRequiredService<Tuoyu.Web.Common.Security.SensitiveDataProtector>().Hash(number);
            return Task.CompletedTask;
        });
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Children.CountAsync(c => c.IdNumberHash == hash)));
    }

    [Fact]
    public async Task Bad_numbers_dates_and_guardians_are_400_on_their_field_and_write_nothing()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var admin = await w.ClientAsync(w.AdminA);
        var before = await RowsAsync(w);
        object Body(string idNumber, DateOnly birth, Guid? classId, string phone = "13912345678") =>
            ChildRegistrationTests.Body(idNumber, birth, classId, phone, name: "错误" + w.Suffix);
        async Task Expect(object body, string field)
        {
            var p = await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/children", body), HttpStatusCode.BadRequest);
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {p}");
        }

        var (number, birth) = TestIds.ResidentId("430102", Today.AddMonths(-16));
        var wrongCheck = number[..17] + (number[17] == '0' ? '1' : '0');
        await Expect(Body(wrongCheck, birth, w.ClassA), "idNumber");
        await Expect(Body(number, birth.AddDays(1), w.ClassA), "idNumber");
        await Expect(Body("AB12345678", birth, w.ClassA), "idNumber");
        await Expect(Body(number, birth, w.ClassA, phone: "12345"), "guardians[0].phone");
        var (future, futureBirth) = TestIds.ResidentId("430102", Today.AddDays(2));
        await Expect(Body(future, futureBirth, w.ClassA), "birthDate");
        var (old, oldBirth) = TestIds.ResidentId("430102", Today.AddYears(-4));
        await Expect(Body(old, oldBirth, w.ClassA), "birthDate");
        await Expect(Body(number, birth, classId: null), "enrollment");
        Assert.Equal(before, await RowsAsync(w));
    }

    [Fact]
    public async Task A_parent_registers_their_own_child_and_manages_pick_up_persons_other_families_and_institutions_cannot()
    {
        var w = await fixture.NewWorldAsync();
        var parentA = await w.ClientAsync(w.ParentA);
        var (number, birth) = TestIds.ResidentId("430102", Today.AddMonths(-10));
        await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync("/api/v1/children", Body(number, birth, w.ClassA)), HttpStatusCode.BadRequest);
        var own = await ApiAssert.StatusAsync(await parentA.PostAsJsonAsync("/api/v1/children", Body(number, birth, null)), HttpStatusCode.Created);
        var ownId = own.GetProperty("id").GetGuid();
        await ApiAssert.OkAsync(await parentA.GetAsync($"/api/v1/children/{ownId}"));
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).GetAsync($"/api/v1/children/{ownId}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/children/{ownId}"), HttpStatusCode.NotFound);

        var added = await ApiAssert.StatusAsync(await parentA.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/pickup-persons",
            new { name = "张奶奶", relation = "外祖母", phone = "13700001111" }), HttpStatusCode.Created);
        Assert.Equal("137****1111", added.GetProperty("phoneMasked").GetString());
        var pickupId = added.GetProperty("id").GetGuid();
        var listed = await ApiAssert.OkAsync(await (await w.ClientAsync(w.StaffA)).GetAsync($"/api/v1/children/{w.ChildA}/pickup-persons"));
        Assert.Equal(1, listed.GetArrayLength());

        var before = await RowsAsync(w);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/pickup-persons",
            new { name = "陌生人", relation = "朋友", phone = "13700002222" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).DeleteAsync($"/api/v1/children/{w.ChildA}/pickup-persons/{pickupId}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).GetAsync($"/api/v1/children/{w.ChildA}/pickup-persons"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/pickup-persons",
            new { name = "保育员", relation = "老师", phone = "13700003333" }), HttpStatusCode.Forbidden);
        var bad = await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/pickup-persons",
            new { name = "", relation = "姑姑", phone = "abc" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(before, await RowsAsync(w));

        await ApiAssert.StatusAsync(await parentA.DeleteAsync($"/api/v1/children/{w.ChildA}/pickup-persons/{pickupId}"), HttpStatusCode.NoContent);
        Assert.Equal(0, (await ApiAssert.OkAsync(await parentA.GetAsync($"/api/v1/children/{w.ChildA}/pickup-persons"))).GetArrayLength());
    }

    [Fact]
    public async Task Guardians_are_added_linked_by_user_name_and_never_all_removed()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var parentB = await w.ClientAsync(w.ParentB);
        await ApiAssert.ProblemAsync(await parentB.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/guardians",
            new { name = "冒充", relation = "父亲", phone = "13800000000" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentA)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/guardians",
            new { name = "爸爸", relation = "父亲", phone = "13800000000", userName = w.ParentB }), HttpStatusCode.Forbidden);
        var unknown = await ApiAssert.ProblemAsync(await staff.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/guardians",
            new { name = "爸爸", relation = "父亲", phone = "13800000000", userName = "nobody" + w.Suffix }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("guardians[0].userName", out _));

        var added = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/guardians",
            new { name = "赵刚", relation = "父亲", phone = "0731-88886666", userName = w.ParentB }), HttpStatusCode.Created);
        Assert.True(added.GetProperty("hasAccount").GetBoolean());
        await ApiAssert.OkAsync(await parentB.GetAsync($"/api/v1/children/{w.ChildA}"));

        await ApiAssert.StatusAsync(await staff.DeleteAsync($"/api/v1/children/{w.ChildA}/guardians/{w.GuardianA}"), HttpStatusCode.NoContent);
        await ApiAssert.ProblemAsync(await staff.DeleteAsync($"/api/v1/children/{w.ChildA}/guardians/{added.GetProperty("id").GetGuid()}"),
            HttpStatusCode.Conflict, "enrollment.last_guardian");
        var list = await ApiAssert.OkAsync(await staff.GetAsync($"/api/v1/children/{w.ChildA}/guardians"));
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task Two_concurrent_removals_of_the_last_two_guardians_leave_one()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var second = (await ApiAssert.StatusAsync(await staff.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/guardians",
            new { name = "赵刚", relation = "父亲", phone = "13800000001" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var responses = await Task.WhenAll(
            staff.DeleteAsync($"/api/v1/children/{w.ChildA}/guardians/{w.GuardianA}"),
            staff.DeleteAsync($"/api/v1/children/{w.ChildA}/guardians/{second}"));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Guardians.CountAsync(g => g.ChildId == w.ChildA)));
    }

    private static DateOnly DateFromId(string id) =>
        DateOnly.ParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteChildRegistrationTests(SqliteFixture fixture) : ChildRegistrationTests(fixture);

public sealed class PostgresChildRegistrationTests(PostgresFixture fixture) : ChildRegistrationTests(fixture);
