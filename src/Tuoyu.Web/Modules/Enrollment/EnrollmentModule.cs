using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Applications;
using Tuoyu.Web.Modules.Enrollment.Attendance;
using Tuoyu.Web.Modules.Enrollment.Children;
using Tuoyu.Web.Modules.Enrollment.DailyNotes;
using Tuoyu.Web.Modules.Enrollment.Closing;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Enrollment.Occupancy;
using Tuoyu.Web.Modules.Enrollment.Counts;
using Tuoyu.Web.Modules.Enrollment.Scope;
using Tuoyu.Web.Modules.Enrollment.Registration;
using Tuoyu.Web.Modules.Enrollment.Messages;
using Tuoyu.Web.Modules.Enrollment.Photos;
using Tuoyu.Web.Modules.Enrollment.QrCheckIn;

namespace Tuoyu.Web.Modules.Enrollment;

public static class EnrollmentModule
{
    public static IServiceCollection AddEnrollmentModule(this IServiceCollection services)
    {
        services.AddScoped<IChildScope, ChildScope>();
        services.AddScoped<IClassOccupancy, ClassOccupancy>();
        services.AddScoped<IEnrollmentCounts, EnrollmentCounts>();
        services.AddScoped<IMonthlyFigures, MonthlyFigures>();
        services.AddScoped<IEnrollmentMeasures, IndicatorMeasures.EnrollmentMeasures>();
        services.AddScoped<ChildHandler>();
        services.AddScoped<AttendanceHandler>();
        services.AddScoped<ClassDayHandler>();
        services.AddScoped<DailyNoteHandler>();
        services.AddScoped<Messages.ThreadAccess>().AddScoped<Messages.MessageHandler>().AddScoped<Photos.PhotoHandler>().AddScoped<QrCheckIn.QrCheckInHandler>();
        services.AddChildRegistration();
        services.AddApplications();
        services.AddScoped<MonthCloseHandler>().AddScoped<CorrectionHandler>().AddScoped<Alerts.AlertsHandler>();
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
        g.MapPut("/{id:guid}/daily-notes/today", async (Guid id, DailyNoteRequest r, DailyNoteHandler h, CancellationToken ct) =>
            {
                var (note, created) = await h.SaveTodayAsync(id, r, ct);
                return created ? Results.Created($"/api/v1/children/{id}/days", note) : Results.Ok(note);
            })
            .RequirePermission(Permissions.AttendanceRecord).WithSummary("填写或修改今天的成长记录（进餐、午睡、如厕、情绪、一句话）");
        g.MapGet("/{id:guid}/days", (Guid id, DateOnly? from, DateOnly? to, DailyNoteHandler h, CancellationToken ct) => h.DaysAsync(id, from, to, ct))
            .RequirePermission(Permissions.ChildRead).WithSummary("儿童每日考勤、晨检与成长记录（新的在前，最多92天）");
        app.MapGet("/api/v1/me/children", (DailyNoteHandler h, CancellationToken ct) => h.MyChildrenAsync(ct)).WithTags("家长")
            .RequirePermission(Permissions.ChildRead).WithSummary("我的孩子及今日在园情况（家长）");
        app.MapAttendance();
        app.MapMessages().MapPhotos().MapQrCheckIn();
        app.MapChildRegistration();
        app.MapMonthClose();
        app.MapApplications();
        return app;
    }
}
