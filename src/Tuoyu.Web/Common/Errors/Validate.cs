namespace Tuoyu.Web.Common.Errors;

/// <summary>Collects field errors for one request and throws them together as a 400.</summary>
public sealed class Validate
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public Validate Require(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, $"{label}不能为空"); }
        else if (value.Length > maxLength) { Add(field, $"{label}不能超过{maxLength}个字符"); }
        return this;
    }

    public Validate Optional(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength) { Add(field, $"{label}不能超过{maxLength}个字符"); }
        return this;
    }

    public Validate Check(bool ok, string field, string message)
    {
        if (!ok) { Add(field, message); }
        return this;
    }

    public Validate Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) { _errors[field] = list = []; }
        list.Add(message);
        return this;
    }

    /// <summary>The errors collected so far, by field (for callers that report rather than throw, e.g. an import's rows).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
