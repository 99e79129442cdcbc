using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.UnitTests.Demo;

public sealed class DemoWorldTests
{
    private const int Seed = 20250501;
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly Region Furong = County("430102000000", "芙蓉区");
    private static readonly Region Yuelu = County("430104000000", "岳麓区");

    private static readonly Region[] Streets =
    [
        Street("430102001000", "文艺路街道"),
        Street("430102002000", "朝阳街街道"),
        Street("430102003000", "韭菜园街道"),
        Street("430104001000", "望月湖街道"),
        Street("430104002000", "岳麓街道"),
        Street("430104003000", "桔子洲街道"),
    ];

    private static readonly Dictionary<string, Region> Counties = new() { [Furong.Code] = Furong, [Yuelu.Code] = Yuelu };

    private static Region County(string code, string name) =>
        new() { Code = code, Name = name, Level = RegionLevel.County, ParentCode = "430100000000" };

    private static Region Street(string code, string name) =>
        new() { Code = code, Name = name, Level = RegionLevel.Street, ParentCode = code[..6] + "000000" };

    private static DemoWorld Generate(int seed = Seed, DateOnly? today = null) =>
        DemoWorld.Generate(Streets, Counties, seed, today ?? Today);

    [Fact]
    public void DemoWorld_with_the_same_seed_generates_the_same_institutions()
    {
        var first = Generate();
        var second = Generate();

        Assert.NotEmpty(first.Institutions);
        Assert.Equal(first.Institutions.Select(i => (i.Id, i.Name, i.CreditCode)), second.Institutions.Select(i => (i.Id, i.Name, i.CreditCode)));
        Assert.Equal(first.Classes.Select(c => (c.Id, c.Capacity)), second.Classes.Select(c => (c.Id, c.Capacity)));
        Assert.Equal(first.Children.Select(c => (c.Id, c.IdNumber)), second.Children.Select(c => (c.Id, c.IdNumber)));
    }

    [Fact]
    public void DemoWorld_with_another_seed_generates_other_institutions()
    {
        Assert.NotEqual(Generate(Seed).Institutions.Select(i => i.Id), Generate(Seed + 1).Institutions.Select(i => i.Id));
    }

    [Fact]
    public void DemoWorld_places_institutions_only_in_the_given_streets_with_unique_names_and_ids()
    {
        var world = Generate();
        var streetCodes = Streets.Select(s => s.Code).ToHashSet();

        Assert.All(world.Institutions, i => Assert.Contains(i.RegionCode, streetCodes));
        Assert.Equal(world.Institutions.Count, world.Institutions.Select(i => i.Name).Distinct().Count());
        Assert.Equal(world.Institutions.Count, world.Institutions.Select(i => i.Id).Distinct().Count());
        // One 托育综合服务中心 per county ("1+N" network).
        Assert.Equal(2, world.Institutions.Count(i => i.Kind == InstitutionKind.ServiceCenter));
    }

    [Fact]
    public void DemoWorld_skips_streets_whose_county_is_not_given()
    {
        var world = DemoWorld.Generate([.. Streets, Street("430103001000", "坡子街街道")], Counties, Seed, Today);

        Assert.DoesNotContain(world.Institutions, i => i.RegionCode.StartsWith("430103", StringComparison.Ordinal));
    }

    [Fact]
    public void DemoWorld_child_id_numbers_validate_and_match_birth_date_and_sex()
    {
        // GB 11643-1999: every generated number is valid, carries the recorded birth date and the sex parity.
        var world = Generate();

        Assert.NotEmpty(world.Children);
        Assert.All(world.Children, child =>
        {
            Assert.True(ResidentIdNumber.TryValidate(child.IdNumber, out var normalized, out var birth, out var error), $"{child.IdNumber}: {error}");
            Assert.Equal(child.BirthDate, birth);
            Assert.Equal(child.Sex == Sex.Male, ResidentIdNumber.IsMale(normalized));
        });
        Assert.Equal(world.Children.Count, world.Children.Select(c => c.IdNumber).Distinct().Count());
    }

    [Fact]
    public void DemoWorld_credit_codes_validate_and_are_unique()
    {
        // GB 32100-2015: every generated code passes the check, and no two institutions share one.
        var world = Generate();

        Assert.All(world.Institutions, i => Assert.True(UnifiedSocialCreditCode.TryValidate(i.CreditCode, out _, out var error), $"{i.CreditCode}: {error}"));
        Assert.Equal(world.Institutions.Count, world.Institutions.Select(i => i.CreditCode).Distinct().Count());
    }

    [Fact]
    public void DemoWorld_no_class_exceeds_its_maximum_size_or_its_capacity()
    {
        // 托育机构设置标准（试行）: 乳儿班 10, 托小班 15, 托大班 20, 混合班 18.
        var world = Generate();
        var enrolledByClass = world.Enrollments.GroupBy(e => e.ClassId).ToDictionary(g => g.Key, g => g.Count());

        Assert.NotEmpty(world.Classes);
        Assert.All(world.Classes, c =>
        {
            Assert.InRange(c.Capacity, 1, ClassTypes.MaxSize(c.Type));
            Assert.InRange(enrolledByClass.GetValueOrDefault(c.Id), 0, c.Capacity);
        });
    }

    [Fact]
    public void DemoWorld_registered_slots_cover_the_places_of_every_class()
    {
        var world = Generate();
        var capacityByInstitution = world.Classes.GroupBy(c => c.InstitutionId).ToDictionary(g => g.Key, g => g.Sum(c => c.Capacity));

        Assert.All(world.Institutions, i =>
        {
            Assert.True(capacityByInstitution.ContainsKey(i.Id), $"{i.Name} has no class");
            Assert.True(i.RegisteredSlots >= capacityByInstitution[i.Id], $"{i.Name}: {i.RegisteredSlots} slots < {capacityByInstitution[i.Id]} places");
        });
    }

    [Fact]
    public void DemoWorld_enrolls_every_child_once_in_a_class_of_the_same_institution()
    {
        var world = Generate();
        var classes = world.Classes.ToDictionary(c => c.Id);

        Assert.Equal(world.Children.Select(c => c.Id).Order(), world.Enrollments.Select(e => e.ChildId).Order());
        Assert.All(world.Enrollments, e => Assert.Equal(e.InstitutionId, classes[e.ClassId].InstitutionId));
    }

    // Ages in calendar months (domain.md, Classes): 乳儿班 6–12, 托小班 12–24, 托大班 24–36, 混合班 18 and over (under 36).
    // Month ends and a leap day are included because months are not 30 days long.
    [Theory]
    [InlineData(2025, 6, 30)]
    [InlineData(2025, 2, 28)]
    [InlineData(2025, 3, 1)]
    [InlineData(2024, 2, 29)]
    [InlineData(2025, 12, 31)]
    public void DemoWorld_children_ages_fit_their_class_type(int year, int month, int day)
    {
        var today = new DateOnly(year, month, day);

        AssertAgesFitClassTypes(Generate(today: today), today);
    }

    [Fact]
    public void DemoWorld_children_ages_fit_their_class_type_around_every_month_end_of_two_years()
    {
        var streets = Streets[..2];
        for (var month = new DateOnly(2024, 1, 1); month.Year < 2026; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            foreach (var today in new[] { end.AddDays(-2), end.AddDays(-1), end, end.AddDays(1) })
            {
                AssertAgesFitClassTypes(DemoWorld.Generate(streets, Counties, Seed + today.DayNumber, today), today);
            }
        }
    }

    private static void AssertAgesFitClassTypes(DemoWorld world, DateOnly today)
    {
        var children = world.Children.ToDictionary(c => c.Id);
        var classes = world.Classes.ToDictionary(c => c.Id);

        Assert.NotEmpty(world.Enrollments);
        Assert.All(world.Enrollments, e =>
        {
            var type = classes[e.ClassId].Type;
            var (min, max) = type switch
            {
                ClassType.Infant => (6, 12),
                ClassType.Toddler => (12, 24),
                ClassType.Preschool => (24, 36),
                _ => (18, 36),
            };
            var birth = children[e.ChildId].BirthDate;
            var name = ClassTypes.ChineseName(type);
            Assert.True(HasReachedMonths(birth, min, today), $"{name}: born {birth:yyyy-MM-dd}, under {min} months on {today:yyyy-MM-dd}");
            Assert.False(HasReachedMonths(birth, max, today), $"{name}: born {birth:yyyy-MM-dd}, {max} months or older on {today:yyyy-MM-dd}");
            Assert.True(e.StartDate <= today, $"enrolled from {e.StartDate:yyyy-MM-dd}, after {today:yyyy-MM-dd}");
            Assert.True(HasReachedMonths(birth, min, e.StartDate), $"{name}: born {birth:yyyy-MM-dd}, enrolled under {min} months on {e.StartDate:yyyy-MM-dd}");
        });
    }

    // 民法典 第二百零二条: a period of months ends on the same day of the month, or on the month's last day
    // when it has none (born 08-31, six months on 02-28) — what DateOnly.AddMonths does.
    private static bool HasReachedMonths(DateOnly birth, int months, DateOnly on) => birth.AddMonths(months) <= on;
}
