namespace Tuoyu.Web.Common.Data;

/// <summary>
/// Optimistic concurrency with an application-set token: SQLite has no row versions, so the
/// context increments <see cref="Version"/> on every update and EF checks the original value.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
