using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Enrollment.Placement;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Registration;

/// <summary>
/// 登记儿童 (ADR 0023): the institution admin registers and places a child in one step; a parent registers their own child.
/// The ID number is stored encrypted with a unique keyed hash, so a second registration of it is 409
/// <c>enrollment.child_duplicate</c> and writes nothing, also when two arrive at once.
/// </summary>
internal sealed class RegistrationHandler(AppDbContext db, CurrentUser current, SensitiveDataProtector protector, PlacementGuard guard,
    IClassDirectory classes, IInstitutionScope institutions, IParentAccounts parents, TimeProvider clock)
{
    public const int MaxGuardians = 6;

    public async Task<RegisteredChild> RegisterAsync(RegisterChildRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var v = new Validate()
            .Require("name", r.Name, "姓名", 50)
            .Check(r.BirthDate is not null, "birthDate", "请填写出生日期")
            .Check(r.Sex is "Male" or "Female", "sex", "性别应为 Male 或 Female")
            .Check(r.HukouLocal is not null, "hukouLocal", "请选择是否本地户籍")
            .Check(r.BirthOrder is >= 1 and <= ChildRules.MaxBirthOrder, "birthOrder", $"孩次应为1–{ChildRules.MaxBirthOrder}")
            .Optional("allergies", r.Allergies, "过敏信息", 500)
            .Optional("healthNotes", r.HealthNotes, "健康备注", 1000);
        if (r.BirthDate is { } birth && ChildRules.BirthDateError(birth, today) is { } be) { v.Add("birthDate", be); }
        var idNumber = string.Empty;
        if (r.BirthDate is { } b2 && !ChildRules.TryIdentityNumber(r.IdNumber, b2, out idNumber, out var idError)) { v.Add("idNumber", idError!); }
        if (r.HukouRegionCode is not { Length: 12 } code || !code.All(char.IsAsciiDigit) || !await db.Regions.AnyAsync(x => x.Code == code, ct))
        {
            v.Add("hukouRegionCode", "户籍所在地应为有效的12位行政区划代码");
        }

        ValidateGuardians(v, r.Guardians);
        var isParent = user.Kind == UserKind.Parent;
        if (isParent && r.Enrollment is not null) { v.Add("enrollment", "家长登记儿童后请向托育机构申请入托"); }
        if (!isParent && r.Enrollment is null) { v.Add("enrollment", "机构登记儿童须同时办理入托"); }
        var service = CareServices.None;
        if (r.Enrollment is { } p && !isParent)
        {
            v.Check(p.ClassId is not null, "enrollment.classId", "请选择班级").Check(p.StartDate is not null, "enrollment.startDate", "请填写入托日期");
            v.Check(CareServiceSet.TryParseSingle(p.ServiceType, out service), "enrollment.serviceType", "服务类型应为 FullDay、HalfDay、Hourly 或 Temporary");
        }

        if (isParent && r.Guardians?.Any(g => !string.IsNullOrWhiteSpace(g.UserName)) == true) { v.Add("guardians", "家长不能关联其他账号"); }
        v.ThrowIfInvalid();

        var links = await LinksAsync(r.Guardians!, ct);
        if (isParent) { links[0] = user.Id; }
        ClassInfo? cls = null;
        if (!isParent)
        {
            cls = await classes.FindAsync(r.Enrollment!.ClassId!.Value, ct);
            var ids = institutions.IdsInScope(user);
            if (cls is null || !await ids.AnyAsync(id => id == cls.InstitutionId, ct)) { throw new NotFoundException("班级"); }
        }

        var hash = protector.Hash(idNumber);
        var cipher = protector.Encrypt(idNumber);
        return await guard.RetryAsync(async () =>
        {
            if (await db.Children.AnyAsync(c => c.IdNumberHash == hash, ct)) { throw Duplicate(); }
            var child = new Child
            {
                Id = Guid.NewGuid(), Name = r.Name!.Trim(), IdNumberCipher = cipher, IdNumberHash = hash, IdNumberMasked = ChildRules.Mask(idNumber),
                BirthDate = r.BirthDate!.Value, Sex = r.Sex == "Male" ? Sex.Male : Sex.Female, HukouLocal = r.HukouLocal!.Value,
                HukouRegionCode = r.HukouRegionCode, BirthOrder = r.BirthOrder!.Value, Allergies = Clean(r.Allergies), HealthNotes = Clean(r.HealthNotes),
            };
            db.Children.Add(child);
            for (var i = 0; i < r.Guardians!.Count; i++)
            {
                var g = r.Guardians[i];
                db.Guardians.Add(new Guardian
                {
                    Id = Guid.NewGuid(), ChildId = child.Id, UserId = links[i], Name = g.Name!.Trim(), Relation = g.Relation!.Trim(), Phone = g.Phone!.Trim(),
                });
            }

            ChildEnrollment? placed = null;
            if (cls is not null)
            {
                placed = await guard.PlaceAsync(child, cls.Id, service, r.Enrollment!.StartDate!.Value, null, ct);
                db.EnrollmentEvents.Add(new EnrollmentEvent
                {
                    Id = Guid.NewGuid(), EnrollmentId = placed.Id, ChildId = child.Id, InstitutionId = placed.InstitutionId, Kind = EnrollmentEventKind.Enrolled,
                    ToClassId = placed.ClassId, EffectiveOn = placed.StartDate, ActorUserId = user.Id, At = clock.GetUtcNow().UtcDateTime,
                });
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // The unique keyed hash: another request registered the same number first.
                db.ChangeTracker.Clear();
                if (await db.Children.AnyAsync(c => c.IdNumberHash == hash, ct)) { throw Duplicate(); }
                throw;
            }

            return new RegisteredChild(child.Id, child.Name, child.IdNumberMasked, child.BirthDate, placed?.Id);
        }, ct);
    }

    /// <summary>Validates guardians (at least one) in a request; field names are guardians[i].name …</summary>
    internal static void ValidateGuardians(Validate v, IReadOnlyList<GuardianRequest>? guardians)
    {
        if (guardians is not { Count: > 0 }) { v.Add("guardians", "至少登记一位监护人"); return; }
        if (guardians.Count > MaxGuardians) { v.Add("guardians", $"监护人最多{MaxGuardians}位"); return; }
        for (var i = 0; i < guardians.Count; i++) { ValidateGuardian(v, guardians[i], $"guardians[{i}]."); }
    }

    internal static void ValidateGuardian(Validate v, GuardianRequest g, string prefix = "") =>
        v.Require(prefix + "name", g.Name, "监护人姓名", 50)
            .Require(prefix + "relation", g.Relation, "与幼儿关系", 20)
            .Check(ChildRules.IsPhone(g.Phone), prefix + "phone", "联系电话应为11位手机号码或带区号的固定电话");

    /// <summary>Parent account ids for the guardians' user names; an unknown name is a 400 on that guardian.</summary>
    internal async Task<Guid?[]> LinksAsync(IReadOnlyList<GuardianRequest> guardians, CancellationToken ct)
    {
        var links = new Guid?[guardians.Count];
        var v = new Validate();
        for (var i = 0; i < guardians.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(guardians[i].UserName)) { continue; }
            links[i] = await parents.FindParentAsync(guardians[i].UserName!, ct);
            v.Check(links[i] is not null, $"guardians[{i}].userName", "没有该用户名的家长账号");
        }

        v.ThrowIfInvalid();
        return links;
    }

    private static RuleViolationException Duplicate() => new("enrollment.child_duplicate", "该证件号码的儿童已登记，不能重复登记");

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
