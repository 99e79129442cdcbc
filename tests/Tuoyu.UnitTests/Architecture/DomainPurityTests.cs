using NetArchTest.Rules;
using Tuoyu.Web.Modules.Identity.Domain;

namespace Tuoyu.UnitTests.Architecture;

/// <summary>architecture.md, rule 1: <c>Domain/</c> references neither EF Core nor ASP.NET Core.</summary>
public sealed class DomainPurityTests
{
    private const string DomainPattern = @"^Tuoyu\.Web\.Modules\.[^.]+\.Domain(\.|$)";

    [Fact]
    public void Domain_namespaces_hold_types()
    {
        var domainTypes = Types.InAssembly(TuoyuWeb.Assembly).That().ResideInNamespaceMatching(DomainPattern).GetTypes();

        Assert.Contains(domainTypes, t => t.Name == "Institution");
        Assert.Contains(domainTypes, t => t.Name == "Child");
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    public void Domain_types_do_not_depend_on_the_framework(string framework)
    {
        var result = Types.InAssembly(TuoyuWeb.Assembly)
            .That().ResideInNamespaceMatching(DomainPattern)
            // AppUser is the account entity and must derive from IdentityUser<Guid>
            // (Microsoft.AspNetCore.Identity): ASP.NET Core Identity stores and signs in only its own user type.
            .And().DoNotHaveNameMatching($"^{nameof(AppUser)}$")
            .Should().NotHaveDependencyOn(framework)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Domain types depending on {framework}:\n" + string.Join('\n', result.FailingTypeNames ?? []));
    }
}
