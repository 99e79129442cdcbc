using System.Globalization;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>A generated child with its ID number in clear; the seeder encrypts it before storage.</summary>
internal sealed record DemoChild(Guid Id, string Name, string IdNumber, DateOnly BirthDate, Sex Sex, bool HukouLocal, string HukouRegionCode, int BirthOrder, string? Allergies);

/// <summary>
/// A deterministic world: the same regions, seed and reference date always give the same institutions,
/// classes, children and staff. Sizes follow 长沙市 (about 500 institutions, 20,000 slots and 9,400
/// enrolled children for 172 streets; 长政发〔2022〕10号 and domain.md); bigger scales repeat the pattern per street.
/// </summary>
internal sealed class DemoWorld
{
    public List<Institution> Institutions { get; } = [];
    public List<ChildcareClass> Classes { get; } = [];
    public List<DemoChild> Children { get; } = [];
    public List<Guardian> Guardians { get; } = [];
    public List<ChildEnrollment> Enrollments { get; } = [];
    public List<StaffMember> Staff { get; } = [];
    public List<MedicalInstitution> MedicalInstitutions { get; } = [];
    public List<MedicalAgreement> Agreements { get; } = [];

    private readonly Random _rng;
    private readonly DateOnly _today;
    private readonly HashSet<string> _creditCodes = [];
    private readonly HashSet<string> _idNumbers = [];
    private readonly HashSet<string> _names = [];
    private IReadOnlyDictionary<string, string> _regionNames = new Dictionary<string, string>();

    private DemoWorld(int seed, DateOnly today)
    {
        _rng = new Random(seed);
        _today = today;
    }

    /// <param name="streets">Street-level regions in scope, in code order.</param>
    /// <param name="counties">County-level regions by code (for names and medical institutions).</param>
    public static DemoWorld Generate(IReadOnlyList<Region> streets, IReadOnlyDictionary<string, Region> counties, int seed, DateOnly today) =>
        Generate(streets, counties, new Dictionary<string, string>(), seed, today);

    /// <param name="regionNames">Names by code, for the province and city part of addresses.</param>
    public static DemoWorld Generate(IReadOnlyList<Region> streets, IReadOnlyDictionary<string, Region> counties, IReadOnlyDictionary<string, string> regionNames, int seed, DateOnly today)
    {
        var world = new DemoWorld(seed, today) { _regionNames = regionNames };
        world.Build(streets, counties);
        return world;
    }

    private Guid NextGuid() => DemoGuids.Next(_rng);

    private void Build(IReadOnlyList<Region> streets, IReadOnlyDictionary<string, Region> counties)
    {
        foreach (var county in counties.Values.OrderBy(c => c.Code))
        {
            MedicalInstitutions.Add(new MedicalInstitution { Id = NextGuid(), Name = county.Name + "妇幼保健院", RegionCode = county.Code });
        }

        var medicalByCounty = MedicalInstitutions.ToDictionary(m => m.RegionCode);
        var centerCounties = new HashSet<string>();
        foreach (var street in streets)
        {
            var countyCode = street.Code[..6] + "000000";
            if (!counties.TryGetValue(countyCode, out var county)) { continue; }
            // About three providers a street (长沙市: 504 institutions over 172 streets in 2021).
            var count = 2 + _rng.Next(3);
            for (var n = 0; n < count; n++)
            {
                var kind = centerCounties.Add(countyCode) ? InstitutionKind.ServiceCenter : PickKind();
                var institution = NewInstitution(street, county, kind);
                Institutions.Add(institution);
                AddClassesChildrenAndStaff(institution);
                if (medicalByCounty.TryGetValue(countyCode, out var medical) && _rng.Next(10) < 8)
                {
                    Agreements.Add(new MedicalAgreement
                    {
                        Id = NextGuid(), InstitutionId = institution.Id, MedicalInstitutionId = medical.Id,
                        SignedOn = institution.OpenedOn.AddDays(30 + _rng.Next(200)) is var d && d < _today ? d : _today,
                    });
                }
            }
        }
    }

    private InstitutionKind PickKind()
    {
        var r = _rng.Next(100);
        return r switch
        {
            < 40 => InstitutionKind.Standalone,
            < 55 => InstitutionKind.CommunityEmbedded,
            < 75 => InstitutionKind.KindergartenClass,
            < 80 => InstitutionKind.EmployerRun,
            < 92 => InstitutionKind.FamilyPoint,
            _ => InstitutionKind.CareStation,
        };
    }

    private Institution NewInstitution(Region street, Region county, InstitutionKind kind)
    {
        var ownership = kind is InstitutionKind.ServiceCenter || _rng.Next(100) < (kind == InstitutionKind.KindergartenClass ? 45 : 20)
            ? Ownership.Public : Ownership.Private;
        var streetShort = street.Name.Replace("街道", string.Empty, StringComparison.Ordinal).Replace("街道办事处", string.Empty, StringComparison.Ordinal);
        var brand = DemoNames.Brands[_rng.Next(DemoNames.Brands.Length)];
        var name = kind switch
        {
            InstitutionKind.ServiceCenter => county.Name + "托育综合服务中心",
            InstitutionKind.Standalone => $"{brand}托育中心（{streetShort}）",
            InstitutionKind.CommunityEmbedded => $"{streetShort}社区嵌入式托育服务点",
            InstitutionKind.KindergartenClass => $"{streetShort}{brand}幼儿园托班",
            InstitutionKind.EmployerRun => $"{DemoNames.Employers[_rng.Next(DemoNames.Employers.Length)]}职工托育中心",
            InstitutionKind.FamilyPoint => $"{brand}家庭托育点（{streetShort}）",
            _ => $"{streetShort}婴幼儿照护服务驿站",
        };
        name = Unique(name);
        var opened = _today.AddDays(-(120 + _rng.Next(365 * 6)));
        var filed = _rng.Next(100) < (ownership == Ownership.Public ? 90 : 65);
        var registration = ownership == Ownership.Public ? "12" : (_rng.Next(2) == 0 ? "52" : "91");
        return new Institution
        {
            Id = NextGuid(),
            Name = name,
            CreditCode = NewCreditCode(registration, county.Code[..6]),
            Kind = kind,
            Ownership = ownership,
            // 普惠: public institutions and a share of private ones (长沙 2025 target 60%, domain.md).
            IsInclusive = ownership == Ownership.Public || _rng.Next(100) < 55,
            RegionCode = street.Code,
            Address = $"{AddressPrefix(street.Code)}{(county.Code == street.Code[..4] + "00000000" ? string.Empty : county.Name)}{street.Name}{DemoNames.Brands[_rng.Next(DemoNames.Brands.Length)]}路{1 + _rng.Next(300)}号",
            ContactPhone = "0731-" + (80000000 + _rng.Next(9_999_999)).ToString(CultureInfo.InvariantCulture),
            // In its own district (DemoCoordinates); the same two draws as before, so the sequence is unchanged.
            Latitude = DemoCoordinates.Latitude(street.Code, _rng.NextDouble()),
            Longitude = DemoCoordinates.Longitude(street.Code, _rng.NextDouble()),
            FilingStatus = filed ? FilingStatus.Filed : (_rng.Next(3) == 0 ? FilingStatus.Submitted : FilingStatus.NotFiled),
            FiledOn = filed ? opened.AddDays(30 + _rng.Next(90)) is var f && f < _today ? f : _today : null,
            OpenedOn = opened,
            Grade = filed && _rng.Next(100) < 45 ? (_rng.Next(3) == 0 ? "一级" : "二级") : null,
            HasVideoSupervision = _rng.Next(100) < 70,
        };
    }

    private void AddClassesChildrenAndStaff(Institution institution)
    {
        var types = institution.Kind switch
        {
            InstitutionKind.ServiceCenter => new[] { ClassType.Infant, ClassType.Toddler, ClassType.Toddler, ClassType.Preschool, ClassType.Preschool },
            InstitutionKind.KindergartenClass => _rng.Next(2) == 0 ? [ClassType.Preschool] : [ClassType.Preschool, ClassType.Preschool],
            InstitutionKind.FamilyPoint => [ClassType.Mixed],
            InstitutionKind.CareStation => [ClassType.Mixed],
            InstitutionKind.CommunityEmbedded => [ClassType.Toddler, ClassType.Preschool],
            _ => _rng.Next(4) switch
            {
                0 => [ClassType.Toddler, ClassType.Preschool],
                1 => [ClassType.Infant, ClassType.Toddler, ClassType.Preschool],
                2 => [ClassType.Toddler, ClassType.Toddler, ClassType.Preschool, ClassType.Preschool],
                _ => [ClassType.Infant, ClassType.Toddler, ClassType.Toddler, ClassType.Preschool, ClassType.Preschool],
            },
        };
        var slots = 0;
        var perType = new Dictionary<ClassType, int>();
        AddStaff(institution, StaffRole.Director, institution.OpenedOn);
        foreach (var type in types)
        {
            perType[type] = perType.GetValueOrDefault(type) + 1;
            var max = ClassTypes.MaxSize(type);
            var capacity = institution.Kind == InstitutionKind.FamilyPoint ? Math.Min(max, 6 + _rng.Next(5)) : max - _rng.Next(3);
            var cls = new ChildcareClass
            {
                Id = NextGuid(), InstitutionId = institution.Id, Type = type, Capacity = capacity,
                Name = ClassTypes.ChineseName(type) + (perType[type] > 1 ? perType[type].ToString(CultureInfo.InvariantCulture) + "班" : string.Empty),
            };
            Classes.Add(cls);
            slots += capacity;
            // Occupancy about 47% overall (9,400 enrolled of about 20,000 slots).
            var enrolled = (int)Math.Round(capacity * (0.30 + _rng.NextDouble() * 0.34));
            for (var k = 0; k < enrolled; k++) { AddChild(institution, cls); }
            // Carers per the national ratios (乳儿班 1:3, 托小班 1:5, 托大班 1:7).
            var ratio = type switch { ClassType.Infant => 3, ClassType.Toddler => 5, ClassType.Preschool => 7, _ => 5 };
            for (var c = 0; c < Math.Max(1, (enrolled + ratio - 1) / ratio); c++) { AddStaff(institution, StaffRole.Carer, institution.OpenedOn, cls.Id); }
        }

        if (institution.Kind is not (InstitutionKind.FamilyPoint or InstitutionKind.CareStation))
        {
            AddStaff(institution, StaffRole.HealthWorker, institution.OpenedOn);
            AddStaff(institution, StaffRole.Cook, institution.OpenedOn);
            AddStaff(institution, StaffRole.Security, institution.OpenedOn);
        }

        // Registered slots never fall below the classes' places; some institutions keep spare slots.
        institution.RegisteredSlots = slots + (_rng.Next(4) == 0 ? _rng.Next(1, 6) : 0);
    }

    private void AddChild(Institution institution, ChildcareClass cls)
    {
        var (minMonths, maxMonths) = cls.Type switch
        {
            ClassType.Infant => (6, 12),
            ClassType.Toddler => (12, 24),
            ClassType.Preschool => (24, 36),
            _ => (18, 36),
        };
        // Calendar months, not 30-day months (a month ends on the same day of the month, or on the month's
        // last day when it has none: 民法典 第二百零二条): at least minMonths and under maxMonths old today.
        var latestBirth = _today.AddMonths(-minMonths);
        var earliestBirth = _today.AddMonths(-maxMonths);
        while (earliestBirth.AddMonths(maxMonths) <= _today) { earliestBirth = earliestBirth.AddDays(1); }
        var birth = earliestBirth.AddDays(_rng.Next(latestBirth.DayNumber - earliestBirth.DayNumber + 1));
        var male = _rng.Next(2) == 0;
        var local = _rng.Next(100) < 75;
        var hukouCounty = local ? institution.RegionCode[..6] : "43" + (_rng.Next(2, 14) * 100 + 2).ToString("D4", CultureInfo.InvariantCulture);
        string id;
        do
        {
            var seq = _rng.Next(0, 500) * 2 + (male ? 1 : 0);
            id = ResidentIdNumber.Create(hukouCounty, birth, seq);
        }
        while (!_idNumbers.Add(id));

        var surname = DemoNames.Surnames[_rng.Next(DemoNames.Surnames.Length)];
        var childName = surname + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)] + (_rng.Next(3) == 0 ? string.Empty : DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)]);
        var order = _rng.Next(100) switch { < 62 => 1, < 92 => 2, _ => 3 };
        var child = new DemoChild(NextGuid(), childName, id, birth, male ? Sex.Male : Sex.Female, local, hukouCounty + "000000", order,
            _rng.Next(100) < 6 ? (_rng.Next(2) == 0 ? "鸡蛋过敏" : "牛奶蛋白过敏") : null);
        Children.Add(child);
        Guardians.Add(new Guardian { Id = NextGuid(), ChildId = child.Id, Name = DemoNames.Surnames[_rng.Next(DemoNames.Surnames.Length)] + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)] + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)], Relation = "母亲", Phone = DemoNames.MobilePhone(_rng) });
        if (_rng.Next(100) < 70)
        {
            Guardians.Add(new Guardian { Id = NextGuid(), ChildId = child.Id, Name = surname + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)] + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)], Relation = "父亲", Phone = DemoNames.MobilePhone(_rng) });
        }

        var start = _today.AddDays(-_rng.Next(20, 240));
        if (start < birth.AddMonths(minMonths)) { start = birth.AddMonths(minMonths) < _today ? birth.AddMonths(minMonths) : _today; }
        Enrollments.Add(new ChildEnrollment
        {
            Id = NextGuid(), ChildId = child.Id, InstitutionId = institution.Id, ClassId = cls.Id,
            Service = _rng.Next(100) < 85 ? CareServices.FullDay : CareServices.HalfDay, StartDate = start,
        });
    }

    private void AddStaff(Institution institution, StaffRole role, DateOnly opened, Guid? classId = null)
    {
        var certified = role is StaffRole.Director or StaffRole.Carer or StaffRole.HealthWorker && _rng.Next(100) < 88;
        Staff.Add(new StaffMember
        {
            Id = NextGuid(),
            InstitutionId = institution.Id,
            Name = DemoNames.Person(_rng),
            Role = role,
            CertificateNumber = certified ? "BY" + _rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) : null,
            CertificateExpiresOn = certified ? _today.AddDays(-30 + _rng.Next(1500)) : null,
            HiredOn = opened.AddDays(_rng.Next(60)),
            ClassId = classId,
        });
    }

    private string NewCreditCode(string registration, string county6)
    {
        string code;
        do
        {
            var org = new char[9];
            for (var i = 0; i < 9; i++) { org[i] = UnifiedSocialCreditCode.Alphabet[_rng.Next(i == 0 ? 10 : UnifiedSocialCreditCode.Alphabet.Length)]; }
            code = UnifiedSocialCreditCode.Create(registration + county6 + new string(org));
        }
        while (!_creditCodes.Add(code));
        return code;
    }

    /// <summary>Province and city names for an address (直辖市 districts sit under 市辖区, which no address shows).</summary>
    private string AddressPrefix(string code)
    {
        var province = _regionNames.GetValueOrDefault(code[..2] + "0000000000", string.Empty);
        var city = _regionNames.GetValueOrDefault(code[..4] + "00000000", string.Empty);
        return city is "市辖区" or "县" || city.Contains("直辖", StringComparison.Ordinal) ? province : province + city;
    }

    private string Unique(string name)
    {
        if (_names.Add(name)) { return name; }
        for (var i = 2; ; i++)
        {
            var candidate = $"{name}{i}";
            if (_names.Add(candidate)) { return candidate; }
        }
    }
}
