using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Registry;

/// <summary>
/// The required filing documents (issue #3 item 3 after 托育机构登记和备案办法（试行）; ADR 0019): five kinds always,
/// 食品经营许可 for 全日托 (meals) or when the services are not recorded.
/// </summary>
public sealed class FilingDocumentRulesTests
{
    private static readonly FilingDocumentKind[] Five =
    [
        FilingDocumentKind.RegistrationCertificate, FilingDocumentKind.PremisesProof, FilingDocumentKind.FireSafety,
        FilingDocumentKind.HealthEvaluation, FilingDocumentKind.StaffQualifications,
    ];

    [Theory]
    [InlineData(CareServices.HalfDay)]
    [InlineData(CareServices.Hourly)]
    [InlineData(CareServices.Temporary)]
    [InlineData(CareServices.HalfDay | CareServices.Hourly | CareServices.Temporary)]
    public void FilingDocumentRules_without_full_day_care_need_the_five_kinds_only(CareServices services)
    {
        Assert.Equal(Five, FilingDocumentRules.Required(services));
        Assert.False(FilingDocumentRules.NeedsFoodLicence(services));
    }

    [Theory]
    [InlineData(CareServices.FullDay)]
    [InlineData(CareServices.FullDay | CareServices.HalfDay)]
    [InlineData(CareServices.None)] // not recorded: an unrecorded service must not waive a licence
    public void FilingDocumentRules_full_day_care_or_unknown_services_also_need_the_food_licence(CareServices services)
    {
        var required = FilingDocumentRules.Required(services);
        Assert.Equal(6, required.Count);
        Assert.Contains(FilingDocumentKind.FoodLicence, required);
        Assert.DoesNotContain(FilingDocumentKind.Other, required);
    }

    [Fact]
    public void FilingDocumentRules_missing_lists_required_kinds_without_a_current_document_in_page_order()
    {
        var missing = FilingDocumentRules.Missing(CareServices.FullDay, [FilingDocumentKind.FireSafety, FilingDocumentKind.Other, FilingDocumentKind.FireSafety]);
        Assert.Equal([FilingDocumentKind.RegistrationCertificate, FilingDocumentKind.PremisesProof, FilingDocumentKind.HealthEvaluation,
            FilingDocumentKind.FoodLicence, FilingDocumentKind.StaffQualifications], missing);
        Assert.Empty(FilingDocumentRules.Missing(CareServices.HalfDay, Five));
        Assert.Equal("备案材料不全，缺少：食品经营许可、人员资格",
            FilingDocumentRules.MissingMessage([FilingDocumentKind.FoodLicence, FilingDocumentKind.StaffQualifications]));
    }

    [Theory]
    [InlineData(FilingStatus.NotFiled, true)]
    [InlineData(FilingStatus.Returned, true)]
    [InlineData(FilingStatus.Submitted, false)]
    [InlineData(FilingStatus.Filed, false)]
    [InlineData(FilingStatus.Rejected, false)]
    [InlineData(FilingStatus.Revoked, false)]
    public void FilingDocumentRules_documents_change_only_before_submission_or_after_a_return(FilingStatus status, bool editable) =>
        Assert.Equal(editable, FilingDocumentRules.IsEditable(status));

    [Theory]
    [InlineData("FireSafety", true)]
    [InlineData(" firesafety ", true)]
    [InlineData("Other", true)]
    [InlineData("3", false)]
    [InlineData("FireSafety,Other", false)]
    [InlineData("Bogus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void FilingDocumentRules_parse_kinds_by_name_only(string? value, bool ok) =>
        Assert.Equal(ok, FilingDocumentRules.TryParseKind(value, out _));

    [Fact]
    public void FilingDocumentRules_every_kind_has_a_chinese_name() =>
        Assert.All(Enum.GetValues<FilingDocumentKind>(), k => Assert.DoesNotMatch("^[A-Za-z]+$", FilingDocumentRules.KindName(k)));
}
