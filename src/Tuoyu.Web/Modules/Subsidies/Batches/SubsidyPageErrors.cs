using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Modules.Subsidies.Batches;

/// <summary>One line of text for an error shown on a subsidy page.</summary>
internal static class SubsidyPageErrors
{
    public static string Describe(AppException ex) => ex switch
    {
        ValidationFailedException v => string.Join("；", v.Errors.SelectMany(e => e.Value)),
        RuleViolationException { Code: "subsidy.month_not_closed" } r when r.Extensions.TryGetValue("openInstitutions", out var open) && open is System.Collections.IEnumerable list =>
            r.Message + "：" + string.Join("、", list.Cast<object>().Take(10).Select(o => o.GetType().GetProperty("name")?.GetValue(o)?.ToString())),
        _ => ex.Message,
    };
}
