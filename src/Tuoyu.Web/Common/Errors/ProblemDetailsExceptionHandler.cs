using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Tuoyu.Web.Common.Errors;

/// <summary>The one place where exceptions become HTTP answers (architecture rule 4).</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationFailedException v:
                problem = new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "请求参数有误",
                };
                break;
            case NotFoundException:
                problem = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "资源不存在", Detail = exception.Message };
                break;
            case ForbiddenException:
                problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "无权访问", Detail = exception.Message };
                await RecordDeniedAsync(httpContext, cancellationToken);
                break;
            case RuleViolationException r:
                problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "违反业务规则", Detail = r.Message };
                foreach (var (key, value) in r.Extensions) { problem.Extensions[key] = value; }
                problem.Extensions["code"] = r.Code;
                break;
            case DbUpdateConcurrencyException:
                problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "数据已被他人修改", Detail = "数据已被他人修改，请刷新后重试" };
                problem.Extensions["code"] = "concurrency.conflict";
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "请求格式有误", Detail = bad.Message };
                break;
            default:
                logger.LogError(exception, "Unhandled exception for {Path}", httpContext.Request.Path);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误" };
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status >= 500) { problem.Detail = null; }
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A request for data outside the caller's scope is a failed authorization: audited (ASVS 16.3.2).</summary>
    private static async Task RecordDeniedAsync(HttpContext httpContext, CancellationToken ct)
    {
        // Nothing a failed request tracked may be saved along with the audit record.
        httpContext.RequestServices.GetRequiredService<Data.AppDbContext>().ChangeTracker.Clear();
        await httpContext.RequestServices.GetRequiredService<Auditing.AuditLog>().RecordAsync(
            "denied", "Endpoint", Security.DeniedAudit.Target(httpContext), "denied",
            "{\"reason\":\"out_of_scope\"}", ct: ct);
    }
}
