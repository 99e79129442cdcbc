using System.Reflection;
using Tuoyu.Web.Common.Regions;

namespace Tuoyu.UnitTests.Architecture;

/// <summary>The production assembly and its module folders, found from the namespaces of its types.</summary>
internal static class TuoyuWeb
{
    public const string ModulesNamespace = "Tuoyu.Web.Modules";

    public static Assembly Assembly { get; } = typeof(RegionCode).Assembly;

    /// <summary>
    /// Module folder names: the segment after <c>Tuoyu.Web.Modules.</c>. Razor type-inference helpers are
    /// generated under <c>__Blazor.</c> + the component's namespace and belong to the same module.
    /// </summary>
    public static IReadOnlyList<string> Modules { get; } = Assembly.GetTypes()
        .Select(t => ModuleOf(t.Namespace))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The module a namespace belongs to, or null outside <c>Tuoyu.Web.Modules.X</c>.</summary>
    public static string? ModuleOf(string? ns)
    {
        if (ns is null) { return null; }
        if (ns.StartsWith("__Blazor.", StringComparison.Ordinal)) { ns = ns["__Blazor.".Length..]; }
        var parts = ns.Split('.');
        return parts.Length >= 4 && string.Join('.', parts[..3]) == ModulesNamespace ? parts[3] : null;
    }

    /// <summary>The sub-namespace of a module namespace, e.g. "Contracts" for Tuoyu.Web.Modules.Registry.Contracts.Events.</summary>
    public static string? AreaOf(string ns)
    {
        if (ns.StartsWith("__Blazor.", StringComparison.Ordinal)) { ns = ns["__Blazor.".Length..]; }
        var parts = ns.Split('.');
        return parts.Length >= 5 ? parts[4] : null;
    }
}
