using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Modules.Enrollment.Domain;

/// <summary>入托: a child placed in a class of an institution for a service type from a date.</summary>
public sealed class ChildEnrollment : IVersioned
{
    public Guid Id { get; init; }
    public Guid ChildId { get; init; }
    public Guid InstitutionId { get; init; }
    public Guid ClassId { get; set; }
    public ServiceType ServiceType { get; set; }
    public DateOnly StartDate { get; init; }
    /// <summary>Last day in care; null while enrolled.</summary>
    public DateOnly? EndDate { get; set; }
    public int Version { get; set; }
}

public enum ServiceType
{
    /// <summary>全日托</summary>
    FullDay = 1,
    /// <summary>半日托</summary>
    HalfDay = 2,
    /// <summary>计时托</summary>
    Hourly = 3,
    /// <summary>临时托</summary>
    Temporary = 4,
}
