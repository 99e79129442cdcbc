namespace Tuoyu.Web.Common.Seeding;

/// <summary>
/// Whether this database holds the generated demo world (decided at start-up from the audit record the
/// generator leaves). Demo conveniences — regulators without two factors — apply only then.
/// </summary>
public sealed class DemoState
{
    public bool IsDemoDatabase { get; set; }
}
