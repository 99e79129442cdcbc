using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Children;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Occupancy;
using Tuoyu.Web.Modules.Enrollment.Counts;
using Tuoyu.Web.Modules.Enrollment.Scope;

namespace Tuoyu.Web.Modules.Enrollment;

public static class EnrollmentModule
{
    public static IServiceCollection AddEnrollmentModule(this IServiceCollection services)
    {
        services.AddScoped<IChildScope, ChildScope>();
        services.AddScoped<IClassOccupancy, ClassOccupancy>();
        services.AddScoped<IEnrollmentCounts, EnrollmentCounts>();
        services.AddScoped<ChildHandler>();
        services.AddScoped<AttendanceHandler>();
        services.AddScoped<ClassDayHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrollmentModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/children").WithTags("儿童");
        g.MapGet("/{id:guid}", (Guid id, ChildHandler h, CancellationToken ct) => h.GetAsync(id, ct))
            .RequirePermission(Permissions.ChildRead).WithSummary("儿童档案（证件号脱敏）");
        g.MapPut("/{id:guid}/health", (Guid id, UpdateHealthRequest r, ChildHandler h, CancellationToken ct) => h.UpdateHealthAsync(id, r, ct))
            .RequirePermission(Permissions.ChildUpdate).WithSummary("修改过敏与健康备注");
        g.MapPost("/{id:guid}/id-number/reveal", (Guid id, RevealIdNumberRequest r, ChildHandler h, CancellationToken ct) => h.RevealIdNumberAsync(id, r, ct))
            .RequirePermission(Permissions.ChildRevealIdNumber).WithSummary("查看完整证件号（留痕）");
        app.MapAttendance();
        return app;
    }
}
