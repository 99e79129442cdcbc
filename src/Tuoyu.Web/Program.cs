using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Hosting;
using Tuoyu.Web.Common.Seeding;
using Tuoyu.Web.Modules.Audit;
using Tuoyu.Web.Modules.Enrollment;
using Tuoyu.Web.Modules.Home;
using Tuoyu.Web.Modules.Identity;
using Tuoyu.Web.Modules.Regions;
using Tuoyu.Web.Modules.Registry;
using Tuoyu.Web.Modules.Staff;
using Tuoyu.Web.Modules.Supervision;
using Tuoyu.Web.Modules.Subsidies;
using Tuoyu.Web.Modules.Statistics;

var builder = WebApplication.CreateBuilder(args);
// Serve package static assets (BootstrapBlazor) when running from the build output in any environment.
builder.WebHost.UseStaticWebAssets();
var seed = SeedSettings.From(builder.Configuration);

builder.Services.AddPlatform(builder.Configuration, builder.Environment, seed);
builder.Services.AddDatabase(builder.Configuration, builder.Environment);
builder.Services.AddIdentityModule(builder.Configuration);
builder.Services.AddRegionsModule();
builder.Services.AddRegistryModule();
builder.Services.AddEnrollmentModule();
builder.Services.AddStaffModule();
builder.Services.AddSupervisionModule();
builder.Services.AddStatisticsModule();
builder.Services.AddHomeModule();
builder.Services.AddAuditModule();
builder.Services.AddSubsidiesModule();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateAndExitAsync();
    return;
}

await app.InitializeDatabaseAsync(seed);
app.UsePlatform();
app.MapPlatform();
app.MapRegionsModule();
app.MapIdentityModule();
app.MapRegistryModule();
app.MapEnrollmentModule();
app.MapStaffModule();
app.MapSupervisionModule();
app.MapStatisticsModule();
app.MapHomeModule();
app.MapAuditModule();
app.MapSubsidiesModule();
app.MapPages();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
