using NetArchTest.Rules;

namespace Tuoyu.UnitTests.Architecture;

/// <summary>
/// architecture.md, rule 1: other modules are reachable only through <c>Modules/X/Contracts</c>.
/// Razor components compile into their folder's namespace, so pages are held to the same rule.
/// </summary>
public sealed class ModuleBoundaryTests
{
    // Demo is the documented world generator: it builds every module's Domain entities to seed a city.
    private const string Demo = "Demo";

    public static TheoryData<string> CheckedModules => [.. TuoyuWeb.Modules.Where(m => m != Demo)];

    [Fact]
    public void Module_folders_are_found_from_the_assembly_namespaces()
    {
        Assert.Contains("Registry", TuoyuWeb.Modules);
        Assert.Contains("Enrollment", TuoyuWeb.Modules);
        Assert.Contains("Identity", TuoyuWeb.Modules);
        Assert.Contains(Demo, TuoyuWeb.Modules);
    }

    [Theory]
    [MemberData(nameof(CheckedModules))]
    public void Module_uses_other_modules_only_through_their_Contracts(string module)
    {
        var violations = new List<string>();
        foreach (var other in TuoyuWeb.Modules.Where(m => m != module))
        {
            var forbidden = NonContractNames(other);
            if (forbidden.Length == 0) { continue; }
            var result = Types.InAssembly(TuoyuWeb.Assembly)
                .That().ResideInNamespaceMatching(ModulePattern(module))
                .Should().NotHaveDependencyOnAny(forbidden)
                .GetResult();
            violations.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} → {other} (outside {other}.Contracts)"));
        }

        Assert.True(violations.Count == 0, $"{module} reaches into other modules:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Module_boundary_check_sees_a_reference_to_another_modules_Domain()
    {
        // Guards the rule itself: Demo does use Registry.Domain, so the same query must find it.
        var result = Types.InAssembly(TuoyuWeb.Assembly)
            .That().ResideInNamespaceMatching(ModulePattern(Demo))
            .Should().NotHaveDependencyOnAny(NonContractNames("Registry"))
            .GetResult();

        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void Module_boundary_check_allows_another_modules_Contracts()
    {
        // Home reads Registry and Enrollment through IInstitutionScope and IChildScope only.
        Assert.DoesNotContain(NonContractNames("Registry"), n => n.StartsWith("Tuoyu.Web.Modules.Registry.Contracts", StringComparison.Ordinal));
        Assert.Contains("Tuoyu.Web.Modules.Registry.Domain", NonContractNames("Registry"));
    }

    private static string ModulePattern(string module) => $@"^(__Blazor\.)?Tuoyu\.Web\.Modules\.{module}(\.|$)";

    /// <summary>
    /// What other modules must not name: every sub-namespace of the module but Contracts, and each type
    /// declared directly in the module's root namespace (naming the root namespace itself would also
    /// match Contracts, as NetArchTest matches namespace prefixes).
    /// </summary>
    private static string[] NonContractNames(string module)
    {
        var root = $"{TuoyuWeb.ModulesNamespace}.{module}";
        var types = TuoyuWeb.Assembly.GetTypes().Where(t => !t.IsNested && TuoyuWeb.ModuleOf(t.Namespace) == module).ToList();
        var subNamespaces = types
            .Select(t => TuoyuWeb.AreaOf(t.Namespace!))
            .OfType<string>()
            .Where(area => area != "Contracts")
            .Select(area => $"{root}.{area}");
        var rootTypes = types.Where(t => t.Namespace == root).Select(t => t.FullName!);
        return [.. subNamespaces.Concat(rootTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
