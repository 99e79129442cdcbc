using System.Globalization;
using System.Security.Cryptography;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Common.Time;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>A regulator (or institution admin) the demo history names as the actor of a step.</summary>
internal sealed record DemoActor(Guid Id, string UserName);

/// <summary>
/// Filing history and documents for a generated world (ADR 0019), consistent with each institution's status:
/// 已备案 — submitted 5–25 days before <see cref="Institution.FiledOn"/> and approved on that Beijing date; 已提交 —
/// submitted 1–30 days ago with its documents, waiting in the queue. About one in five went through 退回补正 first
/// (submit, return with a reason, a replaced document, resubmit). Documents are small generated PDFs, one per
/// required kind. Its own <see cref="Random"/> (seed <see cref="Seed"/>), so the world's sequence does not shift.
/// </summary>
internal sealed class DemoFilings
{
    public const int Seed = 20261123;

    private static readonly string[] ReturnReasons =
    [
        "消防验收材料不清晰，请重新上传清晰扫描件",
        "场地证明与登记地址不一致，请补正",
        "卫生评价报告已过期，请提供有效报告",
        "人员资格证明缺少保育人员证书，请补充",
    ];

    private static readonly TimeSpan Beijing = ChinaTime.Offset;

    public List<FilingEvent> Events { get; } = [];
    public List<FilingDocument> Documents { get; } = [];
    public List<FilingDocumentContent> Contents { get; } = [];

    private readonly Random _rng = new(Seed);
    private readonly DateTime _nowUtc;
    private readonly Func<Institution, DemoActor> _regulatorOf;
    private readonly Func<Institution, DemoActor> _adminOf;

    private DemoFilings(DateTime nowUtc, Func<Institution, DemoActor> regulatorOf, Func<Institution, DemoActor> adminOf)
    {
        _nowUtc = nowUtc;
        _regulatorOf = regulatorOf;
        _adminOf = adminOf;
    }

    /// <param name="institutions">The world's institutions, in generation order.</param>
    /// <param name="nowUtc">The seeding instant: no step lies after it.</param>
    /// <param name="regulatorOf">Who reviews an institution's filing (its county's regulator).</param>
    /// <param name="adminOf">Who submits for an institution.</param>
    public static DemoFilings Generate(IReadOnlyList<Institution> institutions, DateTime nowUtc,
        Func<Institution, DemoActor> regulatorOf, Func<Institution, DemoActor> adminOf)
    {
        var f = new DemoFilings(nowUtc, regulatorOf, adminOf);
        foreach (var i in institutions)
        {
            if (i.FilingStatus == FilingStatus.Filed && i.FiledOn is { } filedOn) { f.AddFiled(i, filedOn); }
            else if (i.FilingStatus == FilingStatus.Submitted) { f.AddSubmitted(i); }
        }

        return f;
    }

    private void AddFiled(Institution i, DateOnly filedOn)
    {
        var approveAt = Min(At(filedOn, 9 * 60 + _rng.Next(8 * 60)), _nowUtc);
        var submitAt = Min(At(filedOn.AddDays(-(5 + _rng.Next(21))), 8 * 60 + _rng.Next(9 * 60)), approveAt.AddHours(-1));
        var submitted = AddHistory(i, submitAt);
        Events.Add(Event(i, FilingAction.Approve, FilingStatus.Submitted, FilingStatus.Filed, _regulatorOf(i), null, Max(approveAt, submitted.AddMinutes(30))));
    }

    private void AddSubmitted(Institution i)
    {
        var today = DateOnly.FromDateTime(_nowUtc.Add(Beijing));
        var submitAt = Min(At(today.AddDays(-(1 + _rng.Next(30))), 8 * 60 + _rng.Next(9 * 60)), _nowUtc.AddHours(-1));
        AddHistory(i, submitAt);
    }

    /// <summary>Documents and the submit steps up to the final submission at about <paramref name="submitAt"/>; returns its instant.</summary>
    private DateTime AddHistory(Institution i, DateTime submitAt)
    {
        var admin = _adminOf(i);
        var returned = _rng.Next(5) == 0;
        var firstAt = returned ? submitAt.AddDays(-(6 + _rng.Next(10))) : submitAt;
        var uploadAt = firstAt.AddMinutes(-(20 + _rng.Next(600)));
        var docs = FilingDocumentRules.Required(i.Services).Select(kind => AddDocument(i, kind, admin, uploadAt.AddSeconds((int)kind * 40))).ToList();
        if (!returned)
        {
            Events.Add(Event(i, FilingAction.Submit, FilingStatus.NotFiled, FilingStatus.Submitted, admin, null, firstAt));
            return firstAt;
        }

        Events.Add(Event(i, FilingAction.Submit, FilingStatus.NotFiled, FilingStatus.Submitted, admin, null, firstAt));
        var reasonIndex = _rng.Next(ReturnReasons.Length);
        var returnAt = firstAt.AddDays(1 + _rng.Next(3)).AddMinutes(_rng.Next(120));
        Events.Add(Event(i, FilingAction.Return, FilingStatus.Submitted, FilingStatus.Returned, _regulatorOf(i), ReturnReasons[reasonIndex], returnAt));
        var kind = reasonIndex switch
        {
            0 => FilingDocumentKind.FireSafety,
            1 => FilingDocumentKind.PremisesProof,
            2 => FilingDocumentKind.HealthEvaluation,
            _ => FilingDocumentKind.StaffQualifications,
        };
        var replaceAt = submitAt.AddMinutes(-(10 + _rng.Next(120)));
        docs.Single(d => d.Kind == kind).SupersededAt = replaceAt;
        AddDocument(i, kind, admin, replaceAt);
        Events.Add(Event(i, FilingAction.Submit, FilingStatus.Returned, FilingStatus.Submitted, admin, "已按退回意见补正材料", submitAt));
        return submitAt;
    }

    private FilingDocument AddDocument(Institution i, FilingDocumentKind kind, DemoActor admin, DateTime at)
    {
        var bytes = DemoPdf.Create("Tuoyu demo filing document (generated sample, not a real certificate)",
            "Kind: " + kind, "Credit code: " + i.CreditCode, "Uploaded: " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        var doc = new FilingDocument
        {
            Id = NextGuid(), InstitutionId = i.Id, Kind = kind, FileName = FilingDocumentRules.KindName(kind).Replace('/', '、') + ".pdf",
            ContentType = "application/pdf", SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedByUserId = admin.Id, UploadedByUserName = admin.UserName, UploadedAt = at,
        };
        Documents.Add(doc);
        Contents.Add(new FilingDocumentContent { DocumentId = doc.Id, Bytes = bytes });
        return doc;
    }

    private FilingEvent Event(Institution i, FilingAction action, FilingStatus from, FilingStatus to, DemoActor actor, string? reason, DateTime at) => new()
    {
        Id = NextGuid(), InstitutionId = i.Id, Action = action, FromStatus = from, ToStatus = to,
        ActorUserId = actor.Id, ActorUserName = actor.UserName, Reason = reason, At = at,
    };

    /// <summary>UTC instant of <paramref name="minutes"/> after midnight, Beijing time, on <paramref name="day"/>.</summary>
    private static DateTime At(DateOnly day, int minutes) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes) - Beijing, DateTimeKind.Utc);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private Guid NextGuid() => DemoGuids.Next(_rng);
}
