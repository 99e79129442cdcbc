using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

/// <summary>The institution record's rules and its one validator (ADR 0017), without a database.</summary>
public sealed class InstitutionRulesTests
{
    private static string Code(string first2) => UnifiedSocialCreditCode.Create(first2 + "430102" + "MA4L0000X");

    private static InstitutionRequest Valid() => new(
        Name: "阳光托育中心", CreditCode: Code("91"), Kind: "Standalone", Ownership: "Private", LegalRegistration: "ForProfit",
        RegionCode: "430102001000", Address: "文艺路1号", Latitude: 28.19, Longitude: 112.99, Services: ["FullDay"], RegisteredSlots: 40,
        OpenedOn: new DateOnly(2024, 9, 1));

    private static IReadOnlyDictionary<string, string[]> Errors(InstitutionRequest r) => InstitutionValidator.Check(r).Errors;

    // GB 32100-2015 附录A 登记管理部门代码: 1 机构编制, 5 民政, 9 工商 (市场监管); the others say nothing about a childcare provider.
    [Theory]
    [InlineData("12", LegalRegistration.NonProfitPublicInstitution)]
    [InlineData("52", LegalRegistration.NonProfitCivilAffairs)]
    [InlineData("91", LegalRegistration.ForProfit)]
    [InlineData("92", LegalRegistration.ForProfit)]
    public void The_first_character_of_the_credit_code_implies_the_legal_registration(string first2, LegalRegistration expected)
    {
        Assert.Equal(expected, InstitutionRules.ImpliedRegistration(Code(first2)));
        Assert.Null(InstitutionRules.CheckRegistrationMatchesCreditCode(expected, Code(first2)));
    }

    [Theory]
    [InlineData("31")]
    [InlineData("81")]
    [InlineData("Y1")]
    [InlineData("N2")]
    public void Other_registration_departments_accept_any_legal_registration(string first2)
    {
        Assert.Null(InstitutionRules.ImpliedRegistration(Code(first2)));
        foreach (var r in new[] { LegalRegistration.ForProfit, LegalRegistration.NonProfitCivilAffairs, LegalRegistration.NonProfitPublicInstitution })
        {
            Assert.Null(InstitutionRules.CheckRegistrationMatchesCreditCode(r, Code(first2)));
        }
    }

    [Fact]
    public void A_civil_affairs_code_with_a_for_profit_registration_is_an_error_on_legalRegistration()
    {
        var message = InstitutionRules.CheckRegistrationMatchesCreditCode(LegalRegistration.ForProfit, Code("52"));
        Assert.NotNull(message);
        Assert.Contains("民政", message, StringComparison.Ordinal);
        var errors = Errors(Valid() with { CreditCode = Code("52") });
        Assert.Equal(["legalRegistration"], errors.Keys);
        Assert.Empty(Errors(Valid() with { CreditCode = Code("52"), LegalRegistration = "非营利性（民政）" }));
    }

    // Brief / ADR 0017: China's bounding box, roughly latitude 3–54 and longitude 73–136.
    [Theory]
    [InlineData(28.19, 112.99, true)]
    [InlineData(3, 73, true)]
    [InlineData(54, 136, true)]
    [InlineData(2.9, 100, false)]
    [InlineData(30, 136.1, false)]
    [InlineData(112.99, 28.19, false)]
    [InlineData(-28.19, 112.99, false)]
    public void Coordinates_must_lie_in_chinas_bounding_box(double lat, double lng, bool ok)
    {
        Assert.Equal(ok, InstitutionRules.InChina(lat, lng));
        Assert.Equal(ok, !Errors(Valid() with { Latitude = lat, Longitude = lng }).ContainsKey("latitude"));
    }

    [Fact]
    public void Coordinates_come_both_or_neither()
    {
        Assert.Empty(Errors(Valid() with { Latitude = null, Longitude = null }));
        Assert.Equal(["longitude"], Errors(Valid() with { Longitude = null }).Keys);
        Assert.Equal(["latitude"], Errors(Valid() with { Latitude = null }).Keys);
    }

    [Fact]
    public void An_employer_run_institution_needs_its_employer_and_only_it_may_name_one()
    {
        Assert.Equal(["employerName"], Errors(Valid() with { Kind = "EmployerRun" }).Keys);
        Assert.Empty(Errors(Valid() with { Kind = "用人单位办托", EmployerName = "长沙某科技有限公司" }));
        Assert.Equal(["employerName"], Errors(Valid() with { EmployerName = "长沙某科技有限公司" }).Keys);
    }

    [Fact]
    public void A_kindergarten_class_needs_its_kindergarten_and_only_it_may_name_one()
    {
        Assert.Equal(["kindergartenName"], Errors(Valid() with { Kind = "KindergartenClass" }).Keys);
        Assert.Empty(Errors(Valid() with { Kind = "幼儿园托班", KindergartenName = "某某幼儿园" }));
        Assert.Equal(["kindergartenName"], Errors(Valid() with { Kind = "FamilyPoint", KindergartenName = "某某幼儿园" }).Keys);
    }

    [Fact]
    public void Publicly_built_privately_run_only_with_public_ownership()
    {
        Assert.Empty(Errors(Valid() with { Ownership = "公办", PubliclyBuiltPrivatelyRun = true }));
        Assert.Equal(["publiclyBuiltPrivatelyRun"], Errors(Valid() with { Ownership = "Private", PubliclyBuiltPrivatelyRun = true }).Keys);
    }

    [Fact]
    public void Services_are_a_non_empty_set_of_known_names_in_english_or_chinese()
    {
        var (values, errors) = InstitutionValidator.Check(Valid() with { Services = ["FullDay", "计时托", "hourly"] });
        Assert.Empty(errors);
        Assert.Equal(CareServices.FullDay | CareServices.Hourly, values.Services);
        Assert.Equal(["services"], Errors(Valid() with { Services = [] }).Keys);
        Assert.Equal(["services"], Errors(Valid() with { Services = null }).Keys);
        Assert.Equal(["services"], Errors(Valid() with { Services = ["FullDay", "夜托"] }).Keys);
        Assert.Equal(["services"], Errors(Valid() with { Services = ["None"] }).Keys);
    }

    [Fact]
    public void The_region_must_be_a_street_level_code_and_numbers_not_negative()
    {
        Assert.Equal(["regionCode"], Errors(Valid() with { RegionCode = "430102000000" }).Keys);
        Assert.Equal(["regionCode"], Errors(Valid() with { RegionCode = "4301020010" }).Keys);
        var errors = Errors(Valid() with { RegisteredSlots = -1, FloorAreaSquareMetres = -5, OutdoorAreaSquareMetres = -1 });
        Assert.Equal(new[] { "floorAreaSquareMetres", "outdoorAreaSquareMetres", "registeredSlots" }, errors.Keys.Order());
        Assert.Empty(Errors(Valid() with { RegisteredSlots = 0, FloorAreaSquareMetres = 0 }));
    }

    [Fact]
    public void An_empty_request_names_every_required_field()
    {
        var errors = Errors(new InstitutionRequest());
        foreach (var field in new[] { "name", "creditCode", "kind", "ownership", "legalRegistration", "regionCode", "address", "services", "registeredSlots", "openedOn" })
        {
            Assert.True(errors.ContainsKey(field), field);
        }
    }

    [Fact]
    public void The_credit_code_is_normalised_to_upper_case()
    {
        var (values, errors) = InstitutionValidator.Check(Valid() with { CreditCode = " " + Code("91").ToLowerInvariant() + " " });
        Assert.Empty(errors);
        Assert.Equal(Code("91"), values.CreditCode);
    }

    [Fact]
    public void Slots_may_not_drop_below_the_classes()
    {
        Assert.Null(ClassRules.CheckSlotsCoverClasses(30, 30));
        var breach = ClassRules.CheckSlotsCoverClasses(14, 15);
        Assert.Equal("registry.slots_below_classes", breach?.Code);
    }
}
