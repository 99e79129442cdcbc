using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Staff.Domain;

namespace Tuoyu.Web.Modules.Staff.Registry;

/// <summary>
/// 工作人员登记 (issue #7 item 1, ADR 0030): one person per resident ID across the city, their posts at institutions,
/// certificates and training. Institution admins act on their own institution only; a person is visible to a caller
/// through a post at an institution in the caller's scope, and only those posts are shown.
/// </summary>
internal sealed class StaffRegistryHandler(AppDbContext db, CurrentUser current, SensitiveDataProtector protector, StaffHiring hiring,
    StaffScope scope, TimeProvider clock)
{
    public async Task<RegisteredStaff> RegisterAsync(RegisterStaffRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var institutionId = user.InstitutionId ?? throw new ForbiddenException("只有托育机构可以登记本机构工作人员");
        var v = new Validate().Require("name", r.Name, "姓名", 50).Check(StaffRoles.TryParse(r.Role, out var role), "role", "岗位应为" + StaffRoles.Codes)
            .Check(r.HiredOn is not null, "hiredOn", "请填写入职日期")
            .Check(r.Phone is null || IsPhone(r.Phone), "phone", "联系电话应为11位手机号码或带区号的固定电话");
        if (!ResidentIdNumber.TryValidate(r.IdNumber, out var idNumber, out _, out var idError)) { v.Add("idNumber", idError!); }
        var today = ChinaTime.Today(clock);
        v.Check(r.HealthCertificateOn is null || r.HealthCertificateOn <= today, "healthCertificateOn", "健康证日期不能晚于今天")
            .Check(r.BackgroundCheckOn is null || r.BackgroundCheckOn <= today, "backgroundCheckOn", "无犯罪记录证明日期不能晚于今天")
            .ThrowIfInvalid();

        var hash = protector.Hash(idNumber);
        await hiring.RefuseIfBannedAsync(hash, institutionId, ct);
        await hiring.CheckClassAsync(r.ClassId, institutionId, ct);
        for (var attempt = 0; ; attempt++)
        {
            var person = await db.StaffPersons.FirstOrDefaultAsync(p => p.IdNumberHash == hash, ct);
            var isNew = person is null;
            person ??= new StaffPerson
            {
                Id = Guid.NewGuid(), Name = r.Name!.Trim(), IdNumberCipher = protector.Encrypt(idNumber), IdNumberHash = hash,
                IdNumberMasked = AuditMasking.IdNumber(idNumber),
            };
            if (isNew) { db.StaffPersons.Add(person); }
            person.Phone = Clean(r.Phone) ?? person.Phone;
            person.HealthCertificateOn = Later(person.HealthCertificateOn, r.HealthCertificateOn);
            person.BackgroundCheckOn = Later(person.BackgroundCheckOn, r.BackgroundCheckOn);
            var member = await hiring.AddPostAsync(person, isNew, institutionId, role, r.HiredOn!.Value, r.ClassId, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return new RegisteredStaff(person.Id, member.Id, person.Name, person.IdNumberMasked, !isNew);
            }
            catch (DbUpdateException ex) when (attempt == 0 && ex is not DbUpdateConcurrencyException)
            {
                // Another request registered the same ID number first (unique keyed hash): link to that person instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<EmploymentView> AddEmploymentAsync(Guid personId, AddEmploymentRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var institutionId = user.InstitutionId ?? throw new ForbiddenException("只有托育机构可以聘用本机构工作人员");
        new Validate().Check(StaffRoles.TryParse(r.Role, out var role), "role", "岗位应为" + StaffRoles.Codes)
            .Check(r.HiredOn is not null, "hiredOn", "请填写入职日期").ThrowIfInvalid();
        var person = await scope.PersonInScopeAsync(user, personId, tracked: true, ct);
        await hiring.RefuseIfBannedAsync(person.IdNumberHash, institutionId, ct);
        await hiring.CheckClassAsync(r.ClassId, institutionId, ct);
        var member = await hiring.AddPostAsync(person, false, institutionId, role, r.HiredOn!.Value, r.ClassId, ct);
        await db.SaveChangesAsync(ct);
        return ToView(member);
    }

    public async Task<EmploymentView> EndEmploymentAsync(Guid personId, Guid employmentId, EndEmploymentRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var member = await db.Staff.FirstOrDefaultAsync(m => m.Id == employmentId && m.PersonId == personId && m.InstitutionId == user.InstitutionId, ct)
            ?? throw new NotFoundException("任职记录");
        new Validate().Check(r.LeftOn is not null, "leftOn", "请填写离职日期")
            .Check(r.LeftOn is null || r.LeftOn >= member.HiredOn, "leftOn", "离职日期不能早于入职日期").ThrowIfInvalid();
        if (member.LeftOn is not null) { throw new RuleViolationException("staff.employment_ended", "该任职已结束"); }
        member.LeftOn = r.LeftOn;
        await db.SaveChangesAsync(ct);
        return ToView(member);
    }

    public async Task<CertificateView> AddCertificateAsync(Guid personId, AddCertificateRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        new Validate().Require("kind", r.Kind, "证书种类", 50).Require("number", r.Number, "证书编号", 50).Require("issuer", r.Issuer, "发证机关", 100)
            .Check(r.IssuedOn is not null, "issuedOn", "请填写发证日期")
            .Check(r.IssuedOn is null || r.ExpiresOn is null || r.ExpiresOn > r.IssuedOn, "expiresOn", "有效期至应晚于发证日期")
            .Check(r.IssuedOn is null || r.IssuedOn <= ChinaTime.Today(clock), "issuedOn", "发证日期不能晚于今天").ThrowIfInvalid();
        var person = await scope.PersonInScopeAsync(user, personId, tracked: false, ct, ownInstitutionOnly: true);
        var number = r.Number!.Trim().ToUpperInvariant();
        var cert = new StaffCertificate
        {
            Id = Guid.NewGuid(), PersonId = person.Id, Kind = r.Kind!.Trim(), NumberCipher = protector.Encrypt(number),
            NumberMasked = StaffRules.MaskCertificateNumber(number), Issuer = r.Issuer!.Trim(), IssuedOn = r.IssuedOn!.Value, ExpiresOn = r.ExpiresOn,
            RecordedByUserId = user.Id, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.StaffCertificates.Add(cert);
        // The posts' certificate summary (used for 持证率) follows the latest certificate recorded.
        foreach (var m in await db.Staff.Where(m => m.PersonId == person.Id && m.LeftOn == null).ToListAsync(ct))
        {
            m.CertificateNumber = cert.NumberMasked;
            m.CertificateExpiresOn = cert.ExpiresOn;
        }

        await db.SaveChangesAsync(ct);
        return new CertificateView(cert.Id, cert.Kind, cert.NumberMasked, cert.Issuer, cert.IssuedOn, cert.ExpiresOn);
    }

    public async Task<TrainingView> SetTrainingAsync(Guid personId, int year, TrainingHoursRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var thisYear = ChinaTime.Today(clock).Year;
        new Validate().Check(year >= 2000 && year <= thisYear, "year", $"年度应在2000–{thisYear}之间")
            .Check(r.Hours is >= 0 and <= StaffRules.MaxTrainingHoursPerYear, "hours", "培训学时应为0或正整数").ThrowIfInvalid();
        var person = await scope.PersonInScopeAsync(user, personId, tracked: false, ct, ownInstitutionOnly: true);
        var row = await db.StaffTrainingYears.FirstOrDefaultAsync(t => t.PersonId == person.Id && t.Year == year, ct);
        if (row is null) { db.StaffTrainingYears.Add(row = new StaffTrainingYear { Id = Guid.NewGuid(), PersonId = person.Id, Year = year }); }
        row.Hours = r.Hours!.Value;
        await db.SaveChangesAsync(ct);
        return new TrainingView(row.Year, row.Hours);
    }

    public async Task<StaffPersonView> GetAsync(Guid personId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var person = await scope.PersonInScopeAsync(user, personId, tracked: false, ct);
        var ids = scope.InstitutionIds(user);
        var posts = await db.Staff.AsNoTracking().Where(m => m.PersonId == personId && ids.Contains(m.InstitutionId))
            .OrderByDescending(m => m.HiredOn).ToListAsync(ct);
        var certs = await db.StaffCertificates.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.IssuedOn).ToListAsync(ct);
        var training = await db.StaffTrainingYears.AsNoTracking().Where(t => t.PersonId == personId).OrderByDescending(t => t.Year).ToListAsync(ct);
        return new StaffPersonView(person.Id, person.Name, person.IdNumberMasked, person.Phone is null ? null : AuditMasking.Phone(person.Phone),
            person.HealthCertificateOn, person.BackgroundCheckOn, [.. posts.Select(ToView)],
            [.. certs.Select(c => new CertificateView(c.Id, c.Kind, c.NumberMasked, c.Issuer, c.IssuedOn, c.ExpiresOn))],
            [.. training.Select(t => new TrainingView(t.Year, t.Hours))]);
    }

    /// <summary>Posts at the institutions in the caller's scope (one institution with <paramref name="institution"/>), newest first.</summary>
    public async Task<StaffListPage> ListAsync(Guid? institution, string? q, bool currentOnly, int page, int pageSize, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var ids = scope.InstitutionIds(user);
        if (institution is { } only)
        {
            if (!await ids.AnyAsync(i => i == only, ct)) { throw new ForbiddenException("该机构不在您的管辖范围内"); }
            ids = ids.Where(i => i == only);
        }

        var today = ChinaTime.Today(clock);
        var posts = db.Staff.AsNoTracking().Where(m => ids.Contains(m.InstitutionId));
        if (currentOnly) { posts = posts.Where(m => m.LeftOn == null || m.LeftOn >= today); }
        if (!string.IsNullOrWhiteSpace(q)) { var name = q.Trim(); posts = posts.Where(m => m.Name.Contains(name)); }
        var total = await posts.CountAsync(ct);
        var rows = await posts.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.StaffPersons.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { m, p })
            .ToListAsync(ct);
        var items = rows.OrderBy(x => x.m.Name, StringComparer.Ordinal).ThenBy(x => x.m.Id).Select(x => new StaffListItem(
            x.p.Id, x.m.Id, x.m.InstitutionId, x.p.Name, x.p.IdNumberMasked, x.p.Phone is null ? null : AuditMasking.Phone(x.p.Phone), x.m.Role.ToString(),
            StaffRoles.ChineseName(x.m.Role), x.m.ClassId, x.m.HiredOn, x.m.LeftOn, x.m.CertificateNumber, x.m.CertificateExpiresOn,
            x.p.HealthCertificateOn, x.p.BackgroundCheckOn)).ToList();
        return new StaffListPage(items, total, page, pageSize);
    }

    /// <summary>The list as an Excel workbook (masked, cells escaped by ExcelExport), at most 5,000 rows.</summary>
    public async Task<byte[]> ExportAsync(Guid? institution, string? q, bool currentOnly, CancellationToken ct)
    {
        var page = await ListAsync(institution, q, currentOnly, 1, 5000, ct);
        return await Common.Ui.ExcelExport.ToXlsxAsync(page.Items.Select(s => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = s.Name, ["身份证号码"] = s.IdNumberMasked, ["联系电话"] = s.PhoneMasked, ["岗位"] = s.RoleName,
            ["入职日期"] = s.HiredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["离职日期"] = s.LeftOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["证书编号"] = s.CertificateNumberMasked, ["证书有效期至"] = s.CertificateExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["健康证日期"] = s.HealthCertificateOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["无犯罪记录证明日期"] = s.BackgroundCheckOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }), "工作人员", ct);
    }

    /// <summary>
    /// 挂靠例外: a regulator whose region covers the institution allows the person a second concurrent carer post there.
    /// </summary>
    public async Task<PostExceptionView> GrantExceptionAsync(Guid personId, GrantPostExceptionRequest r, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        if (user.Kind != UserKind.Regulator) { throw new ForbiddenException("只有主管部门可以批准兼任"); }
        new Validate().Check(r.InstitutionId is not null, "institutionId", "请选择机构").Require("reason", r.Reason, "批准理由", 500).ThrowIfInvalid();
        if (!await db.StaffPersons.AnyAsync(p => p.Id == personId, ct)) { throw new NotFoundException("工作人员"); }
        if (!await scope.InstitutionIds(user).AnyAsync(i => i == r.InstitutionId, ct)) { throw new ForbiddenException("该机构不在您的管辖范围内"); }
        var row = new StaffPostException
        {
            Id = Guid.NewGuid(), PersonId = personId, InstitutionId = r.InstitutionId!.Value, Reason = r.Reason!.Trim(),
            GrantedOn = ChinaTime.Today(clock), GrantedByUserId = user.Id,
        };
        db.StaffPostExceptions.Add(row);
        await db.SaveChangesAsync(ct);
        return new PostExceptionView(row.Id, row.PersonId, row.InstitutionId, row.Reason, row.GrantedOn);
    }

    internal static bool IsPhone(string s) => s.Length is >= 7 and <= 20 && s.All(c => char.IsAsciiDigit(c) || c == '-') && s.Count(char.IsAsciiDigit) >= 7;

    private static EmploymentView ToView(StaffMember m) =>
        new(m.Id, m.InstitutionId, m.Role.ToString(), StaffRoles.ChineseName(m.Role), m.ClassId, m.HiredOn, m.LeftOn);

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
