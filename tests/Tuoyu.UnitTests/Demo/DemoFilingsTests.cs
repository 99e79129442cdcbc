using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Demo;

/// <summary>The demo filing history (ADR 0019) agrees with each institution's status and filing date.</summary>
public sealed class DemoFilingsTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);
    private static readonly DateTime Now = new(2025, 6, 30, 6, 0, 0, DateTimeKind.Utc);

    private static (DemoWorld World, DemoFilings Filings) Generate()
    {
        var counties = new Dictionary<string, Region>
        {
            ["430102000000"] = new() { Code = "430102000000", Name = "芙蓉区", Level = RegionLevel.County, ParentCode = "430100000000" },
            ["430104000000"] = new() { Code = "430104000000", Name = "岳麓区", Level = RegionLevel.County, ParentCode = "430100000000" },
        };
        var streets = Enumerable.Range(1, 12)
            .Select(n => new Region { Code = (n <= 6 ? "430102" : "430104") + ((n - 1) % 6 + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "000",
                Name = $"街道{n}", Level = RegionLevel.Street, ParentCode = (n <= 6 ? "430102" : "430104") + "000000" })
            .ToList();
        var world = DemoWorld.Generate(streets, counties, 20250501, Today);
        var regulator = new DemoActor(Guid.NewGuid(), "reg");
        var filings = DemoFilings.Generate(world.Institutions, Now, _ => regulator, i => new DemoActor(i.Id, i.Name + "负责人"));
        return (world, filings);
    }

    [Fact]
    public void DemoFilings_history_walks_from_not_filed_to_each_institutions_status()
    {
        var (world, filings) = Generate();
        foreach (var i in world.Institutions)
        {
            var events = filings.Events.Where(e => e.InstitutionId == i.Id).OrderBy(e => e.At).ToList();
            if (i.FilingStatus == FilingStatus.NotFiled)
            {
                Assert.Empty(events);
                continue;
            }

            Assert.NotEmpty(events);
            var status = FilingStatus.NotFiled;
            foreach (var e in events)
            {
                Assert.Equal(status, e.FromStatus);
                Assert.Equal(FilingRules.Target(e.Action, e.FromStatus), e.ToStatus);
                Assert.True(e.At <= Now, $"{e.Action} at {e.At} is after the seeding instant");
                Assert.True(!FilingRules.NeedsReason(e.Action) || !string.IsNullOrWhiteSpace(e.Reason));
                status = e.ToStatus;
            }

            Assert.Equal(i.FilingStatus, status);
            if (i.FilingStatus == FilingStatus.Filed)
            {
                // Approval happens on the filing date, in Beijing time (as FilingHandler sets FiledOn).
                Assert.Equal(i.FiledOn, DateOnly.FromDateTime(events[^1].At.AddHours(8)));
            }
        }

        Assert.Contains(filings.Events, e => e.Action == FilingAction.Return);
    }

    [Fact]
    public void DemoFilings_every_submitted_or_filed_institution_has_its_required_documents()
    {
        var (world, filings) = Generate();
        foreach (var i in world.Institutions.Where(i => i.FilingStatus is FilingStatus.Submitted or FilingStatus.Filed))
        {
            var current = filings.Documents.Where(d => d.InstitutionId == i.Id && d.SupersededAt is null).Select(d => d.Kind).ToList();
            Assert.Empty(FilingDocumentRules.Missing(i.Services, current));
            Assert.Equal(current.Count, current.Distinct().Count());
        }

        Assert.Contains(filings.Documents, d => d.SupersededAt is not null);
        Assert.Equal(filings.Documents.Select(d => d.Id).Order(), filings.Contents.Select(c => c.DocumentId).Order());
        Assert.All(filings.Contents, c => Assert.Null(UploadedFileCheck.Inspect("x.pdf", c.Bytes).Error));
    }

    [Fact]
    public void DemoFilings_are_deterministic()
    {
        var a = Generate().Filings;
        var b = Generate().Filings;
        Assert.Equal(a.Events.Select(e => (e.Id, e.InstitutionId, e.Action, e.At)), b.Events.Select(e => (e.Id, e.InstitutionId, e.Action, e.At)));
        Assert.Equal(a.Documents.Select(d => (d.Id, d.Sha256)), b.Documents.Select(d => (d.Id, d.Sha256)));
    }
}
