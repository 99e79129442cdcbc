using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A class (班级) of an institution.</summary>
public sealed class ChildcareClass : IVersioned
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; init; }
    public required string Name { get; set; }
    public ClassType Type { get; set; }
    /// <summary>Places in this class; never above <see cref="ClassTypes.MaxSize"/>.</summary>
    public int Capacity { get; set; }
    public int Version { get; set; }
}
