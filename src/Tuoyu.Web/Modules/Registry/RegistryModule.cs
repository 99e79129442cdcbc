using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Lookup;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.PublicDirectory;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<IInstitutionScope, InstitutionScope>();
        services.AddScoped<IInstitutionDirectory, InstitutionDirectory>();
        services.AddScoped<InstitutionHandler>();
        services.AddScoped<PublicDirectoryHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/institutions").WithTags("机构");
        g.MapGet("/", (string? region, string? keyword, int? page, int? pageSize, InstitutionHandler h, CancellationToken ct) =>
                h.ListAsync(region, keyword, page ?? 1, pageSize ?? 20, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("管辖范围内的机构（分页）");
        g.MapGet("/export", async (string? region, string? keyword, InstitutionHandler h, CancellationToken ct) =>
                TypedResults.File(await h.ExportAsync(region, keyword, ct), Common.Ui.ExcelExport.ContentType, "托育机构.xlsx"))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("导出管辖范围内的机构（Excel）");
        g.MapGet("/{id:guid}", (Guid id, InstitutionHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.InstitutionRead).WithSummary("机构详情");
        g.MapPut("/{id:guid}/contact", (Guid id, UpdateContactRequest r, InstitutionHandler h, CancellationToken ct) => h.UpdateContactAsync(id, r, ct))
            .RequirePermission(Permissions.InstitutionUpdate).WithSummary("修改机构联系电话");

        // The public directory: anonymous, filed institutions only, business information only.
        var p = app.MapGroup("/api/v1/public/institutions").WithTags("公开查询").AllowAnonymous();
        p.MapGet("/", (string? region, string? kind, bool? inclusive, int? ageMonths, bool? hasVacancy, int? page, int? pageSize,
                PublicDirectoryHandler h, CancellationToken ct) => h.SearchAsync(region, kind, inclusive, ageMonths, hasVacancy, page ?? 1, pageSize ?? 20, ct))
            .AllowAnonymous().WithSummary("已备案托育机构查询（公开，分页）");
        p.MapGet("/{id:guid}", (Guid id, PublicDirectoryHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .AllowAnonymous().WithSummary("已备案托育机构公开信息");
        return app;
    }
}
