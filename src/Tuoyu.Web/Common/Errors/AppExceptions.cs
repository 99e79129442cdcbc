namespace Tuoyu.Web.Common.Errors;

/// <summary>Base for errors a user's request can cause; the exception handler turns each into ProblemDetails.</summary>
public abstract class AppException(string message) : Exception(message);

/// <summary>400: one or more fields are invalid. Keys are the request's JSON field names.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : AppException("请求参数有误")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>404: the resource does not exist, or its existence is private to the caller.</summary>
public sealed class NotFoundException(string what) : AppException($"{what}不存在");

/// <summary>403: the resource exists but lies outside the caller's data scope.</summary>
public sealed class ForbiddenException(string message = "无权访问该数据") : AppException(message);

/// <summary>
/// 409: a business rule was broken. <paramref name="code"/> is stable and English, e.g. enrollment.class_full;
/// <paramref name="extensions"/> are extra ProblemDetails members for programs (e.g. the missing document kinds).
/// </summary>
public sealed class RuleViolationException(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null) : AppException(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
