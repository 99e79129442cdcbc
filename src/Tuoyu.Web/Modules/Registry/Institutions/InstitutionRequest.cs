using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Institutions;

/// <summary>
/// The institution record as a caller sends it (POST creates, PUT replaces; the Excel import builds one per row).
/// Enumerations accept the English value or the Chinese name: kind "Standalone" or "托育机构", services
/// ["FullDay","Hourly"] or ["全日托","计时托"]. <see cref="Version"/> is required by PUT and ignored by POST.
/// 普惠 and 等级 are not here: designations own them (ADR 0016).
/// </summary>
public sealed record InstitutionRequest(
    string? Name = null, string? CreditCode = null, string? Kind = null, string? Ownership = null, bool? PubliclyBuiltPrivatelyRun = null,
    string? LegalRegistration = null, string? RegionCode = null, string? Address = null, double? Latitude = null, double? Longitude = null,
    string? ContactPhone = null, IReadOnlyList<string>? Services = null, string? OpeningHours = null, int? RegisteredSlots = null,
    int? FloorAreaSquareMetres = null, int? OutdoorAreaSquareMetres = null, DateOnly? InsuredUntil = null, string? Insurer = null,
    bool? HasVideoSupervision = null, Guid? ChainId = null, string? ChainName = null, string? EmployerName = null,
    string? KindergartenName = null, DateOnly? OpenedOn = null, int? Version = null);

/// <summary>A request after parsing; fields that failed keep their defaults (the errors say which).</summary>
internal sealed record InstitutionValues(
    string Name, string CreditCode, InstitutionKind Kind, Ownership Ownership, bool PubliclyBuiltPrivatelyRun,
    LegalRegistration LegalRegistration, string RegionCode, string Address, double? Latitude, double? Longitude, string? ContactPhone,
    CareServices Services, string? OpeningHours, int RegisteredSlots, int? FloorAreaSquareMetres, int? OutdoorAreaSquareMetres,
    DateOnly? InsuredUntil, string? Insurer, bool HasVideoSupervision, Guid? ChainId, string? ChainName, string? EmployerName,
    string? KindergartenName, DateOnly OpenedOn);

/// <summary>
/// The one validator of the institution record, shared by POST, PUT and every row of the Excel import (ADR 0017).
/// Checks what needs no database; region existence, scope, chain and credit-code uniqueness are the handler's.
/// </summary>
internal static class InstitutionValidator
{
    public static (InstitutionValues Values, IReadOnlyDictionary<string, string[]> Errors) Check(InstitutionRequest r)
    {
        var v = new Validate()
            .Require("name", r.Name, "机构名称", InstitutionRules.NameMaxLength)
            .Require("address", r.Address, "地址", InstitutionRules.AddressMaxLength)
            .Optional("contactPhone", r.ContactPhone, "联系电话", InstitutionRules.PhoneMaxLength)
            .Check(string.IsNullOrWhiteSpace(r.ContactPhone) || r.ContactPhone.Trim().All(c => char.IsAsciiDigit(c) || c == '-'), "contactPhone", "联系电话只能包含数字和短横线")
            .Optional("openingHours", r.OpeningHours, "开放时间", InstitutionRules.TextMaxLength)
            .Optional("insurer", r.Insurer, "承保机构", InstitutionRules.TextMaxLength)
            .Optional("chainName", r.ChainName, "连锁品牌", InstitutionRules.TextMaxLength)
            .Optional("employerName", r.EmployerName, "举办单位", InstitutionRules.TextMaxLength)
            .Optional("kindergartenName", r.KindergartenName, "所属幼儿园", InstitutionRules.TextMaxLength);

        var creditCode = string.Empty;
        if (string.IsNullOrWhiteSpace(r.CreditCode)) { v.Add("creditCode", "统一社会信用代码不能为空"); }
        else if (!UnifiedSocialCreditCode.TryValidate(r.CreditCode, out creditCode, out var codeError)) { v.Add("creditCode", codeError!); }

        v.Check(InstitutionRules.TryParseKind(r.Kind, out var kind), "kind",
            "机构类型应为 " + string.Join("、", Enum.GetValues<InstitutionKind>().Select(k => $"{k}（{InstitutionRules.KindName(k)}）")));
        v.Check(InstitutionRules.TryParseOwnership(r.Ownership, out var ownership), "ownership", "举办性质应为 Public（公办）或 Private（民办）");
        var pbpr = r.PubliclyBuiltPrivatelyRun ?? false;
        v.Check(InstitutionRules.PubliclyBuiltPrivatelyRunAllowed(ownership, pbpr), "publiclyBuiltPrivatelyRun", "公建民营仅适用于公办机构");

        if (!InstitutionRules.TryParseRegistration(r.LegalRegistration, out var registration))
        {
            v.Add("legalRegistration", "法人登记应为 ForProfit（营利性，市场监管部门登记）、NonProfitCivilAffairs（非营利性，民政部门登记）或 NonProfitPublicInstitution（非营利性，机构编制部门登记）");
        }
        else if (creditCode.Length == 18 && InstitutionRules.CheckRegistrationMatchesCreditCode(registration, creditCode) is { } mismatch)
        {
            v.Add("legalRegistration", mismatch);
        }

        var region = r.RegionCode?.Trim() ?? string.Empty;
        v.Check(RegionCode.IsValid(region) && RegionCode.LevelOf(region) == RegionLevel.Street, "regionCode", "所在街道应为12位乡镇（街道）级区划代码");

        if (r.Latitude is null != r.Longitude is null)
        {
            v.Add(r.Latitude is null ? "latitude" : "longitude", "经度和纬度须同时填写或同时不填");
        }
        else if (r.Latitude is { } lat && r.Longitude is { } lng && !InstitutionRules.InChina(lat, lng))
        {
            v.Add("latitude", "经纬度不在我国境内（纬度3–54，经度73–136），请检查是否填反");
        }

        var services = CareServices.None;
        if (r.Services is not { Count: > 0 }) { v.Add("services", "服务类型至少选择一项"); }
        else
        {
            foreach (var name in r.Services)
            {
                if (CareServiceSet.TryParseSingleOrChinese(name, out var s)) { services |= s; }
                else { v.Add("services", $"未知的服务类型“{name}”，应为 FullDay（全日托）、HalfDay（半日托）、Hourly（计时托）或 Temporary（临时托）"); }
            }
        }

        v.Check(r.RegisteredSlots is not null, "registeredSlots", "登记托位不能为空")
            .Check(r.RegisteredSlots is null or >= 0, "registeredSlots", "登记托位不能为负数")
            .Check(r.FloorAreaSquareMetres is null or >= 0, "floorAreaSquareMetres", "建筑面积不能为负数")
            .Check(r.OutdoorAreaSquareMetres is null or >= 0, "outdoorAreaSquareMetres", "户外场地面积不能为负数")
            .Check(r.OpenedOn is not null, "openedOn", "开办日期不能为空")
            .Check(r.ChainId is null || string.IsNullOrWhiteSpace(r.ChainName), "chainName", "连锁品牌请选择已有品牌或填写新品牌名称，不能同时填写");

        var employer = Blank(r.EmployerName);
        var kindergarten = Blank(r.KindergartenName);
        if (InstitutionRules.NeedsEmployer(kind)) { v.Check(employer is not null, "employerName", "用人单位办托须填写举办单位"); }
        else { v.Check(employer is null, "employerName", "仅用人单位办托填写举办单位"); }
        if (InstitutionRules.NeedsKindergarten(kind)) { v.Check(kindergarten is not null, "kindergartenName", "幼儿园托班须填写所属幼儿园"); }
        else { v.Check(kindergarten is null, "kindergartenName", "仅幼儿园托班填写所属幼儿园"); }

        var values = new InstitutionValues(
            r.Name?.Trim() ?? string.Empty, creditCode, kind, ownership, pbpr, registration, region, r.Address?.Trim() ?? string.Empty,
            r.Latitude, r.Longitude, Blank(r.ContactPhone), services, Blank(r.OpeningHours), r.RegisteredSlots ?? 0,
            r.FloorAreaSquareMetres, r.OutdoorAreaSquareMetres, r.InsuredUntil, Blank(r.Insurer), r.HasVideoSupervision ?? false,
            r.ChainId, Blank(r.ChainName), employer, kindergarten, r.OpenedOn ?? default);
        return (values, v.Errors);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
