using Tuoyu.Web.Common.Security;

namespace Tuoyu.Web.Modules.Identity.Me;

public sealed record MeResponse(Guid Id, string UserName, string DisplayName, string Kind, string? RegionCode, Guid? InstitutionId, Guid? MedicalInstitutionId, IReadOnlyList<string> Permissions);

internal static class MeEndpoint
{
    /// <summary>GET /api/v1/me: who the caller is and what it may do.</summary>
    public static async Task<MeResponse> Handle(CurrentUser current, CancellationToken ct)
    {
        var u = await current.RequireAsync(ct);
        return new MeResponse(u.Id, u.UserName, u.DisplayName, u.Kind.ToString(), u.RegionCode, u.InstitutionId, u.MedicalInstitutionId,
            [.. Common.Security.Permissions.All.Where(u.Has)]);
    }
}
