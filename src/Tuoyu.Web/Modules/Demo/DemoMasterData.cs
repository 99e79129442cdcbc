using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// The master data of ADR 0016/0017 for the demo institutions: legal registration from the credit code, services, opening
/// hours, areas in proportion to slots, liability insurance, employer and kindergarten names, and a few chains. It runs after
/// <see cref="DemoWorld"/> with its own <see cref="Random"/> (<see cref="Seed"/>), so the world's own sequence — and every
/// count that tests rely on — stays as it was. The numbers are plausible, not quoted from a standard.
/// </summary>
internal static class DemoMasterData
{
    public const int Seed = 20251123;

    private static readonly string[] Insurers = ["中国人民财产保险", "中国平安财产保险", "中国太平洋财产保险", "中华联合财产保险", "中国人寿财产保险"];

    private static readonly string[] Hours =
    [
        "周一至周五 07:30–17:30", "周一至周五 08:00–17:30", "周一至周五 07:30–18:00", "周一至周六 07:30–18:00", "周一至周五 08:00–17:00",
    ];

    /// <summary>Fills the institutions in place and returns the chains they now point to (to be inserted before them).</summary>
    public static IReadOnlyList<InstitutionChain> Fill(IReadOnlyList<Institution> institutions, DateOnly today, int seed = Seed)
    {
        var rng = new Random(seed);
        foreach (var i in institutions)
        {
            i.LegalRegistration = InstitutionRules.ImpliedRegistration(i.CreditCode) ?? LegalRegistration.ForProfit;
            i.PubliclyBuiltPrivatelyRun = i.Ownership == Ownership.Public && i.Kind != InstitutionKind.ServiceCenter && rng.Next(100) < 30;
            i.Services = Services(i.Kind, rng);
            i.OpeningHours = i.Kind == InstitutionKind.CareStation ? "周一至周日 09:00–17:00" : Hours[rng.Next(Hours.Length)];
            // Indoor space grows with the places offered; family points use a home, with little or no outdoor space.
            var perPlace = i.Kind == InstitutionKind.FamilyPoint ? 6 + rng.Next(3) : 8 + rng.Next(5);
            i.FloorAreaSquareMetres = Math.Max(60, i.RegisteredSlots * perPlace + rng.Next(40));
            i.OutdoorAreaSquareMetres = i.Kind == InstitutionKind.FamilyPoint ? (rng.Next(2) == 0 ? null : 20 + rng.Next(30)) : i.RegisteredSlots * (2 + rng.Next(3));
            if (rng.Next(100) < 85)
            {
                // Most policies run a year; a few have lapsed (so the detail page and later checks have something to show).
                i.InsuredUntil = today.AddDays(rng.Next(100) < 6 ? -rng.Next(1, 90) : rng.Next(20, 365));
                i.Insurer = Insurers[rng.Next(Insurers.Length)];
            }

            i.EmployerName = i.Kind == InstitutionKind.EmployerRun ? EmployerOf(i.Name) : null;
            i.KindergartenName = i.Kind == InstitutionKind.KindergartenClass ? KindergartenOf(i.Name) : null;
        }

        return Chains(institutions, rng);
    }

    private static CareServices Services(InstitutionKind kind, Random rng)
    {
        var s = CareServices.None;
        var stationLike = kind is InstitutionKind.CareStation or InstitutionKind.FamilyPoint;
        if (rng.Next(100) < (kind == InstitutionKind.CareStation ? 30 : 92)) { s |= CareServices.FullDay; }
        if (rng.Next(100) < 40) { s |= CareServices.HalfDay; }
        if (rng.Next(100) < (stationLike ? 70 : 35)) { s |= CareServices.Hourly; }
        if (rng.Next(100) < (stationLike ? 40 : 12)) { s |= CareServices.Temporary; }
        return s == CareServices.None ? CareServices.FullDay : s;
    }

    /// <summary>"长沙银行职工托育中心2" → "长沙银行".</summary>
    private static string EmployerOf(string name)
    {
        var at = name.IndexOf("职工托育中心", StringComparison.Ordinal);
        return at > 0 ? name[..at] : name;
    }

    /// <summary>"文艺路童乐幼儿园托班" → "文艺路童乐幼儿园".</summary>
    private static string KindergartenOf(string name)
    {
        var at = name.IndexOf("托班", StringComparison.Ordinal);
        return at > 0 ? name[..at] : name + "幼儿园";
    }

    /// <summary>
    /// Private standalone centres that share a brand ("童乐托育中心（文艺路）", "童乐托育中心（朝阳街）" …) become a chain of 3–8,
    /// for at most eight brands.
    /// </summary>
    private static List<InstitutionChain> Chains(IReadOnlyList<Institution> institutions, Random rng)
    {
        var chains = new List<InstitutionChain>();
        var byBrand = institutions
            .Where(i => i.Kind == InstitutionKind.Standalone && i.Ownership == Ownership.Private && i.Name.Contains("托育中心（", StringComparison.Ordinal))
            .GroupBy(i => i.Name[..i.Name.IndexOf("托育中心（", StringComparison.Ordinal)])
            .Where(g => g.Count() >= 3)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var brand in byBrand.Take(8))
        {
            var chain = new InstitutionChain { Id = NewGuid(rng), Name = brand.Key + "托育连锁" };
            chains.Add(chain);
            foreach (var member in brand.Take(3 + rng.Next(6))) { member.ChainId = chain.Id; }
        }

        return chains;
    }

    private static Guid NewGuid(Random rng) => DemoGuids.Next(rng);
}
