using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Identity.Users;

internal sealed record AccountScope(string? RegionCode, Guid? InstitutionId, Guid? MedicalInstitutionId);

/// <summary>Checks shared by the account administration handlers: names, scope fields, passwords, who may act on whom.</summary>
internal sealed class UserRules(AppDbContext db, IInstitutionDirectory institutions, UserManager<AppUser> users, TimeProvider clock)
{
    public static bool IsValidUserName(string name) =>
        name.Length is >= 3 and <= 50 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The scope field the kind needs must be given and exist; the others must be empty.</summary>
    public async Task<AccountScope> ScopeAsync(Validate v, UserKind kind, string? regionCode, string? institutionId, string? medicalInstitutionId, CancellationToken ct)
    {
        var need = UserKinds.ScopeOf(kind);
        var region = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        var institution = ParseId(v, "institutionId", institutionId, "机构编号");
        var medical = ParseId(v, "medicalInstitutionId", medicalInstitutionId, "医疗机构编号");
        var kindName = UserKinds.Name(kind);
        v.Check(need == ScopeField.Region || region is null, "regionCode", $"{kindName}账号不设管辖区划")
            .Check(need == ScopeField.Institution || string.IsNullOrWhiteSpace(institutionId), "institutionId", $"{kindName}账号不设所属机构")
            .Check(need == ScopeField.MedicalInstitution || string.IsNullOrWhiteSpace(medicalInstitutionId), "medicalInstitutionId", $"{kindName}账号不设所属医疗机构");
        switch (need)
        {
            case ScopeField.Region when region is null:
                v.Add("regionCode", "监管人员须指定管辖区划");
                break;
            case ScopeField.Region:
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                v.Check(RegionCode.IsValid(region), "regionCode", "区划代码应为12位数字");
                v.Check(!RegionCode.IsValid(region) || await db.Regions.AnyAsync(r => r.Code == region && (r.ValidTo == null || r.ValidTo >= today), ct),
                    "regionCode", "区划代码不存在或已撤销");
                break;
            case ScopeField.Institution:
                v.Check(!string.IsNullOrWhiteSpace(institutionId), "institutionId", "机构人员须指定所属机构");
                v.Check(institution is null || (await institutions.InstitutionNamesAsync([institution.Value], ct)).Count == 1, "institutionId", "机构不存在");
                break;
            case ScopeField.MedicalInstitution:
                v.Check(!string.IsNullOrWhiteSpace(medicalInstitutionId), "medicalInstitutionId", "医疗机构人员须指定所属医疗机构");
                v.Check(medical is null || (await institutions.MedicalInstitutionNamesAsync([medical.Value], ct)).Count == 1, "medicalInstitutionId", "医疗机构不存在");
                break;
        }

        return new AccountScope(need == ScopeField.Region ? region : null, need == ScopeField.Institution ? institution : null,
            need == ScopeField.MedicalInstitution ? medical : null);
    }

    /// <summary>Identity's password validators, RegulatorPasswordValidator included (ADR 0006), as field errors.</summary>
    public async Task CheckPasswordAsync(Validate v, AppUser user, string? password)
    {
        if (string.IsNullOrWhiteSpace(password)) { return; }
        foreach (var validator in users.PasswordValidators)
        {
            foreach (var error in (await validator.ValidateAsync(users, user, password)).Errors) { v.Add("password", error.Description); }
        }
    }

    /// <summary>The account to act on, tracked. 三权分立 administrators never act on their own account.</summary>
    public async Task<AppUser> LoadOtherAsync(UserContext me, Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("用户");
        if (user.Id == me.Id) { throw new RuleViolationException("identity.self_change", "不能由本人修改、停用或重置本人账号"); }
        return user;
    }

    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded) { return; }
        var codes = result.Errors.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure))) { throw Conflict(); }
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName))) { throw NameTaken(); }
        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidUserName))) { throw ValidationFailedException.For("userName", "用户名只能包含字母、数字和 . _ -"); }
        var password = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description).ToArray();
        if (password.Length > 0) { throw new ValidationFailedException(new Dictionary<string, string[]> { ["password"] = password }); }
        throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", codes));
    }

    public static RuleViolationException Conflict() => new("concurrency.conflict", "数据已被他人修改，请刷新后重试");

    public static RuleViolationException NameTaken() => new("identity.user_name_taken", "用户名已被使用");

    private static Guid? ParseId(Validate v, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) { return null; }
        if (Guid.TryParse(text.Trim(), out var id)) { return id; }
        v.Add(field, $"{label}格式有误");
        return null;
    }
}

internal static class CurrentUserPermissionExtensions
{
    /// <summary>Handlers check the permission themselves too: pages reach them through forms, not only endpoints.</summary>
    public static async Task<UserContext> RequirePermissionAsync(this CurrentUser current, string permission, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        return me.Has(permission) ? me : throw new ForbiddenException("无权执行该操作");
    }
}
