namespace Tuoyu.Web.Modules.Registry.FilingQueue;

/// <summary>
/// One institution in a regulator's filing queue. <c>SubmittedAt</c> (UTC) is its latest submission (null when the
/// history has none, e.g. data imported before the workflow); <c>Submissions</c> counts its submissions (2+ = resubmitted
/// after a return); <c>CountyName</c> and <c>StreetName</c> name its region.
/// </summary>
public sealed record FilingQueueItem(Guid InstitutionId, string Name, string Kind, string RegionCode, string CountyName, string StreetName,
    string Status, string StatusName, DateTime? SubmittedAt, int Submissions);
