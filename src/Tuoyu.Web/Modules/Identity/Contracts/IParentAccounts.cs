namespace Tuoyu.Web.Modules.Identity.Contracts;

/// <summary>Finds a parent's account for other modules (the institution links a guardian to it, ADR 0023).</summary>
public interface IParentAccounts
{
    /// <summary>The id of the enabled parent account with this user name, or null (no such account, or not a parent).</summary>
    Task<Guid?> FindParentAsync(string userName, CancellationToken ct);
}
