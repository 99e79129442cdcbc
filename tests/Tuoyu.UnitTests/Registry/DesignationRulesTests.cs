using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Registry;

public sealed class DesignationRulesTests
{
    private const string Street = "430102001000";
    private const string Province = "430000000000";
    private const string City = "430100000000";
    private const string County = "430102000000";
    private const string OtherCounty = "430104000000";
    private const string OtherCity = "430200000000";
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DesignationRefusal? Grant(DesignationKind kind, string? level, string? regulator, FilingStatus filing = FilingStatus.Filed,
        IEnumerable<Designation>? existing = null, DateOnly? grantedOn = null, DateOnly? validUntil = null) =>
        DesignationRules.CheckGrant(new DesignationGrant(kind, level, grantedOn ?? Today.AddDays(-1), validUntil), regulator, Street, filing, existing ?? [], Today);

    private static Designation Row(DesignationKind kind, string? level = null, DateOnly? withdrawnOn = null, DateOnly? validUntil = null) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Level = level, Basis = "依据", GrantedOn = new DateOnly(2025, 1, 1), GrantedByUserName = "x",
        GrantedByRegionCode = County, WithdrawnOn = withdrawnOn, ValidUntil = validUntil,
    };

    [Theory]
    [InlineData(DesignationKind.Inclusive, null)]
    [InlineData(DesignationKind.Public, null)]
    [InlineData(DesignationKind.Grade, "一级")]
    public void DesignationRules_inclusive_public_and_grade_by_a_covering_county_city_or_province_regulator(DesignationKind kind, string? level)
    {
        Assert.Null(Grant(kind, level, County));
        Assert.Null(Grant(kind, level, City));
        Assert.Null(Grant(kind, level, Province));
    }

    [Theory]
    [InlineData(DesignationKind.Inclusive, null)]
    [InlineData(DesignationKind.Public, null)]
    [InlineData(DesignationKind.Grade, "二级")]
    [InlineData(DesignationKind.Demonstration, "市级")]
    [InlineData(DesignationKind.Demonstration, "区县级")]
    public void DesignationRules_street_level_other_region_and_non_regulators_grant_nothing(DesignationKind kind, string? level)
    {
        // Zhuzhou 三(五)2: the county files and supervises; a street office does neither.
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(kind, level, Street)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(kind, level, OtherCounty)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(kind, level, OtherCity)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(kind, level, null)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(kind, level, "bad")!.Kind);
    }

    [Fact]
    public void DesignationRules_city_demonstration_only_by_the_city_and_county_demonstration_only_by_the_county()
    {
        // domain.md: "demonstration: city or district level"; Changsha 2022 三(十一)1 市级示范性托育机构.
        Assert.Null(Grant(DesignationKind.Demonstration, "市级", City));
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(DesignationKind.Demonstration, "市级", County)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(DesignationKind.Demonstration, "市级", Province)!.Kind);
        Assert.Null(Grant(DesignationKind.Demonstration, "区县级", County));
        Assert.Equal(DesignationRefusalKind.WrongActor, Grant(DesignationKind.Demonstration, "区县级", City)!.Kind);
    }

    [Fact]
    public void DesignationRules_grade_and_demonstration_levels_come_from_the_lists()
    {
        Assert.Equal(["一级", "二级", "三级"], DesignationRules.GradeLevels);
        foreach (var bad in new[] { null, "", "四级", "特级", "市级" })
        {
            var r = Grant(DesignationKind.Grade, bad, County)!;
            Assert.Equal((DesignationRefusalKind.Invalid, "level"), (r.Kind, r.Field));
        }

        Assert.Equal("level", Grant(DesignationKind.Demonstration, "省级", City)!.Field);
        Assert.Equal("level", Grant(DesignationKind.Demonstration, null, City)!.Field);
        Assert.Null(Grant(DesignationKind.Grade, " 三级 ", County));
        // Kinds without a level ignore one that is sent.
        Assert.Null(DesignationRules.NormalizeLevel(DesignationKind.Inclusive, "一级"));
    }

    [Theory]
    [InlineData(FilingStatus.NotFiled)]
    [InlineData(FilingStatus.Submitted)]
    [InlineData(FilingStatus.Returned)]
    [InlineData(FilingStatus.Revoked)]
    [InlineData(FilingStatus.Rejected)]
    public void DesignationRules_inclusive_grade_and_demonstration_need_a_filed_institution_but_public_does_not(FilingStatus filing)
    {
        Assert.Equal(DesignationRules.RequiresFiling, Grant(DesignationKind.Inclusive, null, County, filing)!.Code);
        Assert.Equal(DesignationRules.RequiresFiling, Grant(DesignationKind.Grade, "一级", County, filing)!.Code);
        Assert.Equal(DesignationRules.RequiresFiling, Grant(DesignationKind.Demonstration, "区县级", County, filing)!.Code);
        Assert.Null(Grant(DesignationKind.Public, null, County, filing));
    }

    [Fact]
    public void DesignationRules_an_active_designation_of_the_same_kind_and_level_cannot_be_granted_again()
    {
        Assert.Equal(DesignationRules.Active, Grant(DesignationKind.Inclusive, null, County, existing: [Row(DesignationKind.Inclusive)])!.Code);
        Assert.Equal(DesignationRules.Active, Grant(DesignationKind.Public, null, County, existing: [Row(DesignationKind.Public)])!.Code);
        Assert.Equal(DesignationRules.Active, Grant(DesignationKind.Demonstration, "区县级", County, existing: [Row(DesignationKind.Demonstration, "区县级")])!.Code);
        // A withdrawn or expired one does not block; nor does a demonstration of the other level.
        Assert.Null(Grant(DesignationKind.Inclusive, null, County, existing: [Row(DesignationKind.Inclusive, withdrawnOn: new DateOnly(2025, 6, 1))]));
        Assert.Null(Grant(DesignationKind.Inclusive, null, County, existing: [Row(DesignationKind.Inclusive, validUntil: Today.AddDays(-1))]));
        Assert.Equal(DesignationRules.Active, Grant(DesignationKind.Inclusive, null, County, existing: [Row(DesignationKind.Inclusive, validUntil: Today)])!.Code);
        Assert.Null(Grant(DesignationKind.Demonstration, "市级", City, existing: [Row(DesignationKind.Demonstration, "区县级")]));
    }

    [Fact]
    public void DesignationRules_a_new_grade_replaces_the_active_one()
    {
        var active = Row(DesignationKind.Grade, "二级");
        var old = Row(DesignationKind.Grade, "三级", withdrawnOn: new DateOnly(2025, 3, 1));
        Assert.Null(Grant(DesignationKind.Grade, "一级", County, existing: [active, old]));
        Assert.Equal([active], DesignationRules.Replaced(DesignationKind.Grade, [active, old], Today));
        Assert.Empty(DesignationRules.Replaced(DesignationKind.Inclusive, [Row(DesignationKind.Inclusive)], Today));
    }

    [Fact]
    public void DesignationRules_dates_are_checked()
    {
        Assert.Equal("grantedOn", Grant(DesignationKind.Inclusive, null, County, grantedOn: Today.AddDays(1))!.Field);
        Assert.Null(Grant(DesignationKind.Inclusive, null, County, grantedOn: Today));
        Assert.Equal("validUntil", Grant(DesignationKind.Inclusive, null, County, grantedOn: Today, validUntil: Today.AddDays(-1))!.Field);
        Assert.Null(Grant(DesignationKind.Inclusive, null, County, grantedOn: Today, validUntil: Today));
    }

    [Fact]
    public void DesignationRules_withdrawal_needs_the_granting_level_a_reason_and_a_date_within_the_grant()
    {
        var d = Row(DesignationKind.Demonstration, "市级");
        Assert.Null(DesignationRules.CheckWithdraw(d, "复评不合格", Today, City, Street, Today));
        Assert.Equal(DesignationRefusalKind.WrongActor, DesignationRules.CheckWithdraw(d, "复评不合格", Today, County, Street, Today)!.Kind);
        Assert.Equal(DesignationRefusalKind.WrongActor, DesignationRules.CheckWithdraw(Row(DesignationKind.Inclusive), "x", Today, Street, Street, Today)!.Kind);
        foreach (var reason in new[] { null, "", "  ", new string('理', 501) })
        {
            Assert.Equal("reason", DesignationRules.CheckWithdraw(d, reason, Today, City, Street, Today)!.Field);
        }

        Assert.Null(DesignationRules.CheckWithdraw(d, new string('理', 500), Today, City, Street, Today));
        Assert.Equal("withdrawnOn", DesignationRules.CheckWithdraw(d, "x", Today.AddDays(1), City, Street, Today)!.Field);
        Assert.Equal("withdrawnOn", DesignationRules.CheckWithdraw(d, "x", d.GrantedOn.AddDays(-1), City, Street, Today)!.Field);
        var withdrawn = Row(DesignationKind.Inclusive, withdrawnOn: new DateOnly(2025, 6, 1));
        Assert.Equal(DesignationRules.NotActive, DesignationRules.CheckWithdraw(withdrawn, "x", Today, County, Street, Today)!.Code);
    }

    [Theory]
    [InlineData("Inclusive", DesignationKind.Inclusive)]
    [InlineData("public", DesignationKind.Public)]
    [InlineData(" Grade ", DesignationKind.Grade)]
    [InlineData("Demonstration", DesignationKind.Demonstration)]
    public void DesignationRules_parses_kind_names(string text, DesignationKind expected)
    {
        Assert.True(DesignationRules.TryParseKind(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("5")]
    [InlineData("普惠")]
    public void DesignationRules_refuses_other_kind_names(string? text) => Assert.False(DesignationRules.TryParseKind(text, out _));
}
