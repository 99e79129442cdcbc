using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;
using Tuoyu.Web.Modules.Statistics.BaseStatistics;
using Tuoyu.Web.Modules.Statistics.Catalogue;
using Tuoyu.Web.Modules.Statistics.Targets;
using Tuoyu.Web.Modules.Statistics.Values;

namespace Tuoyu.Web.Modules.Statistics;

/// <summary>Base statistics, the indicator catalogue, targets and live indicator values (issue #6, ADR 0029).</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatisticsModule(this IServiceCollection services)
    {
        services.AddScoped<MeasureQueries>();
        services.AddScoped<IndicatorValuesHandler>();
        services.AddScoped<StatisticsHandler>();
        services.AddScoped<StatisticsImportHandler>();
        services.AddScoped<IndicatorCatalogueHandler>();
        services.AddScoped<TargetsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatisticsModule(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/v1/statistics").WithTags("基础统计");
        stats.MapGet("/{regionCode}", (string regionCode, StatisticsHandler h, CancellationToken ct) => h.ListAsync(regionCode, ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("某区划各年份的基础统计数据（常住人口、3岁以下婴幼儿数、出生人口、人均可支配收入）");
        stats.MapPut("/{regionCode}/{year:int}", (string regionCode, int year, StatisticRequest r, StatisticsHandler h, CancellationToken ct) => h.PutAsync(regionCode, year, r, ct))
            .RequirePermission(Permissions.StatisticsManage).WithSummary("录入或更正某区划某年份的基础统计数据（任一项可为空）");
        stats.MapGet("/import/template", async (CancellationToken ct) =>
                TypedResults.File(await StatisticsImportHandler.TemplateAsync(ct), ExcelExport.ContentType, "基础统计导入模板.xlsx"))
            .RequirePermission(Permissions.StatisticsManage).WithSummary("下载基础统计导入模板");
        stats.MapPost("/import", async (HttpRequest request, StatisticsImportHandler h, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) { throw Common.Errors.ValidationFailedException.For("file", "请以 multipart/form-data 上传文件（字段 file）"); }
                if (request.ContentLength > StatisticsImportHandler.MaxBytes + 64 * 1024) { throw Common.Errors.ValidationFailedException.For("file", "文件不能超过1MB"); }
                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file") ?? throw Common.Errors.ValidationFailedException.For("file", "请选择要导入的Excel文件");
                await using var stream = file.OpenReadStream();
                return await h.ImportAsync(stream, file.FileName, file.Length, ct);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .RequirePermission(Permissions.StatisticsManage)
            .WithSummary("Excel导入基础统计：全部校验通过才写入，任一行有误则整批不导入并列出行号和字段");

        var indicators = app.MapGroup("/api/v1/indicators").WithTags("指标");
        indicators.MapGet("/", (IndicatorCatalogueHandler h, CancellationToken ct) => h.ListAsync(ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("指标目录：名称、公式（分子、分母、系数）、口径说明与政策依据");
        indicators.MapPost("/", async (IndicatorRequest r, IndicatorCatalogueHandler h, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(r, ct);
                return Results.Created($"/api/v1/indicators/{created.Code}", created);
            })
            .RequirePermission(Permissions.IndicatorManage).WithSummary("新增地方指标（由已有度量组合，无需发版）");
        indicators.MapGet("/values", async (string? region, int? year, DateOnly? date, IndicatorValuesHandler h, CurrentUser current, CancellationToken ct) =>
                await h.TableAsync(await current.RequireAsync(ct), region, year, date, ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("某区划某年份（或某日）全部指标的实时值、分子分母、适用目标与进度状态");
        indicators.MapGet("/values/export", async (string? region, int? year, DateOnly? date, IndicatorValuesHandler h, CurrentUser current, CancellationToken ct) =>
            {
                var table = await h.TableAsync(await current.RequireAsync(ct), region, year, date, ct);
                return TypedResults.File(await IndicatorExport.TableAsync(table, ct), ExcelExport.ContentType, $"指标-{table.RegionName}-{table.Year}.xlsx");
            })
            .RequirePermission(Permissions.StatisticsRead).WithSummary("导出指标表（Excel）");
        indicators.MapGet("/{code}/breakdown", async (string code, string? region, int? year, DateOnly? date, IndicatorValuesHandler h, CurrentUser current, CancellationToken ct) =>
                await h.BreakdownAsync(await current.RequireAsync(ct), code, region, year, date, ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("指标按下级区划分解（区县及以下按机构分解）");
        indicators.MapGet("/{code}/breakdown/export", async (string code, string? region, int? year, DateOnly? date, IndicatorValuesHandler h, CurrentUser current, CancellationToken ct) =>
            {
                var b = await h.BreakdownAsync(await current.RequireAsync(ct), code, region, year, date, ct);
                return TypedResults.File(await IndicatorExport.BreakdownAsync(b, ct), ExcelExport.ContentType, $"{b.Name}-{b.RegionName}-{b.Year}.xlsx");
            })
            .RequirePermission(Permissions.StatisticsRead).WithSummary("导出指标分解表（Excel）");
        indicators.MapGet("/{code}/trend", async (string code, string? region, int? from, int? to, IndicatorValuesHandler h, CurrentUser current, CancellationToken ct) =>
                await h.TrendAsync(await current.RequireAsync(ct), code, region, from, to, ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("指标逐年趋势（往年按年末、当年按今日计）");

        var targets = app.MapGroup("/api/v1/targets").WithTags("指标");
        targets.MapGet("/{regionCode}", (string regionCode, TargetsHandler h, CancellationToken ct) => h.ListAsync(regionCode, ct))
            .RequirePermission(Permissions.StatisticsRead).WithSummary("某区划及其上级区划设定的指标目标值");
        targets.MapPut("/{regionCode}/{code}/{year:int}", (string regionCode, string code, int year, TargetRequest r, TargetsHandler h, CancellationToken ct) =>
                h.PutAsync(regionCode, code, year, r, ct))
            .RequirePermission(Permissions.IndicatorManage).WithSummary("设定某区划某指标某年份的目标值及政策依据");
        return app;
    }
}
