using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Modules.Statistics.Contracts;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Catalogue;

public sealed record IndicatorView(string Code, string Name, string Numerator, string NumeratorName, string? Denominator, string? DenominatorName,
    decimal Factor, string Unit, int Decimals, bool LowerIsBetter, string DefinitionNote, string SeedClause, bool BuiltIn);

/// <summary>POST body of a local indicator: a new combination of existing measures.</summary>
public sealed record IndicatorRequest(string? Code, string? Name, string? Numerator, string? Denominator, decimal? Factor, string? Unit, int? Decimals,
    bool? LowerIsBetter, string? DefinitionNote, string? SeedClause);

/// <summary>The indicator catalogue (issue #6 item 2): read by regulators; a regulator adds a local indicator as data.</summary>
internal sealed partial class IndicatorCatalogueHandler(AppDbContext db)
{
    public const string IndicatorExists = "statistics.indicator_exists";

    public async Task<IReadOnlyList<IndicatorView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.IndicatorDefinitions.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<IndicatorView> CreateAsync(IndicatorRequest r, CancellationToken ct)
    {
        new Validate()
            .Check(r.Code is not null && CodePattern().IsMatch(r.Code), "code", "指标代码须为3到64位小写字母、数字或下划线，以字母开头")
            .Require("name", r.Name, "指标名称", IndicatorDefinition.NameMaxLength)
            .Check(Measures.IsKnown(r.Numerator), "numerator", "分子须为已定义的度量：" + string.Join("、", Measures.Names.Keys))
            .Check(r.Denominator is null || Measures.IsKnown(r.Denominator), "denominator", "分母须为已定义的度量或留空")
            .Check(r.Factor is > 0 and <= 1_000_000, "factor", "系数须大于0且不超过1000000")
            .Require("unit", r.Unit, "单位", 10)
            .Check(r.Decimals is >= 0 and <= 6, "decimals", "小数位数须在0到6之间")
            .Require("definitionNote", r.DefinitionNote, "口径说明", IndicatorDefinition.NoteMaxLength)
            .Require("seedClause", r.SeedClause, "依据（文件及条款）", IndicatorDefinition.NoteMaxLength)
            .ThrowIfInvalid();
        if (await db.IndicatorDefinitions.AnyAsync(d => d.Code == r.Code, ct)) { throw new RuleViolationException(IndicatorExists, "指标代码已存在"); }
        var order = await db.IndicatorDefinitions.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0;
        var definition = new IndicatorDefinition
        {
            Code = r.Code!, Name = r.Name!.Trim(), Numerator = r.Numerator!, Denominator = r.Denominator, Factor = r.Factor!.Value, Unit = r.Unit!.Trim(),
            Decimals = r.Decimals!.Value, LowerIsBetter = r.LowerIsBetter ?? false, DefinitionNote = r.DefinitionNote!.Trim(), SeedClause = r.SeedClause!.Trim(),
            SortOrder = order + 1, BuiltIn = false,
        };
        db.IndicatorDefinitions.Add(definition);
        await db.SaveChangesAsync(ct);
        return View(definition);
    }

    public static IndicatorView View(IndicatorDefinition d) =>
        new(d.Code, d.Name, d.Numerator, Measures.Names.GetValueOrDefault(d.Numerator, d.Numerator), d.Denominator,
            d.Denominator is null ? null : Measures.Names.GetValueOrDefault(d.Denominator, d.Denominator),
            d.Factor, d.Unit, d.Decimals, d.LowerIsBetter, d.DefinitionNote, d.SeedClause, d.BuiltIn);

    [GeneratedRegex("^[a-z][a-z0-9_]{2,63}$")]
    private static partial Regex CodePattern();
}
