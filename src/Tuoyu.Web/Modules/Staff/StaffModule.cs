using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Staff.Contracts;
using Tuoyu.Web.Modules.Staff.Bans;
using Tuoyu.Web.Modules.Staff.Presence;
using Tuoyu.Web.Modules.Staff.Registry;

namespace Tuoyu.Web.Modules.Staff;

public static class StaffModule
{
    public static IServiceCollection AddStaffModule(this IServiceCollection services)
    {
        services.AddScoped<StaffPresenceHandler>();
        services.AddScoped<IStaffPresence>(sp => sp.GetRequiredService<StaffPresenceHandler>());
        services.AddScoped<StaffScope>();
        services.AddScoped<StaffHiring>();
        services.AddScoped<StaffRegistryHandler>();
        services.AddScoped<StaffBanHandler>();
        services.AddScoped<IStaffMeasures, IndicatorMeasures.StaffMeasures>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffModule(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/attendance/staff").WithTags("考勤");
        g.MapPost("/check-ins", async (StaffCheckInRequest r, StaffPresenceHandler h, CancellationToken ct) =>
            {
                var (presence, created) = await h.CheckInAsync(r, ct);
                return created ? Results.Created($"/api/v1/attendance/staff/{presence.Id}", presence) : Results.Ok(presence);
            })
            .RequirePermission(Permissions.AttendanceRecord).WithSummary("工作人员签到（计入班级师幼比）");
        g.MapPost("/check-outs", (StaffCheckOutRequest r, StaffPresenceHandler h, CancellationToken ct) => h.CheckOutAsync(r, ct))
            .RequirePermission(Permissions.AttendanceRecord).WithSummary("工作人员签退");
        app.MapStaffRegistry();
        return app;
    }
}
