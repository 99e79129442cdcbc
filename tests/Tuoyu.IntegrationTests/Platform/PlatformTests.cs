using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;

namespace Tuoyu.IntegrationTests.Platform;

public abstract class PlatformTests(AppFixture fixture)
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_this_providers_migrations()
    {
        fixture.RequireAvailable();
        var pending = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model differs from the {fixture.ProviderName} migrations: run `dotnet ef migrations add` for it.");
        var unapplied = await fixture.Factory.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(unapplied);
    }

    [Fact]
    public async Task Health_endpoints_answer_200_when_the_database_is_ready()
    {
        fixture.RequireAvailable();
        var client = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Regions_are_loaded_and_served_with_their_children()
    {
        fixture.RequireAvailable();
        var client = fixture.Factory.CreateClient();
        var changsha = await ApiAssert.OkAsync(await client.GetAsync("/api/v1/regions/430100000000"));
        Assert.Equal("长沙市", changsha.GetProperty("name").GetString());
        var counties = await ApiAssert.OkAsync(await client.GetAsync("/api/v1/regions/430100000000/children"));
        Assert.Equal(9, counties.GetArrayLength());
        Assert.Contains(counties.EnumerateArray(), c => c.GetProperty("name").GetString() == "芙蓉区" && c.GetProperty("code").GetString() == "430102000000");
        var streets = await ApiAssert.OkAsync(await client.GetAsync("/api/v1/regions/430102000000/children"));
        Assert.Equal(14, streets.GetArrayLength());
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/v1/regions/4301"), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/v1/regions/999999999999"), HttpStatusCode.NotFound);
        var total = await fixture.Factory.WithDbAsync(db => db.Regions.CountAsync());
        Assert.Equal(44_699, total);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api()
    {
        fixture.RequireAvailable();
        var client = fixture.Factory.CreateClient();
        var doc = await ApiAssert.OkAsync(await client.GetAsync("/openapi/v1.json"));
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/regions/{code}/children", out _));
        Assert.True((await client.GetAsync("/api/docs/")).IsSuccessStatusCode);
    }

    [Fact]
    public void Every_endpoint_declares_a_permission_or_anonymous_access()
    {
        fixture.RequireAvailable();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => !IsFrameworkEndpoint(e))
            .Where(e => e.Metadata.GetMetadata<PermissionMetadata>() is null
                && e.Metadata.GetMetadata<RequirePermissionAttribute>() is null
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints with neither a permission nor AllowAnonymous: " + string.Join(", ", undeclared));
    }

    /// <summary>
    /// Blazor's own plumbing (the circuit hub, its negotiation, the opaque-redirect helper and the
    /// static-file fallback) belongs to the framework, not to a use case: components rendered through
    /// it are authorized per page by AuthorizeRouteView.
    /// </summary>
    private static bool IsFrameworkEndpoint(RouteEndpoint e)
    {
        var route = e.RoutePattern.RawText ?? string.Empty;
        return route.StartsWith("/_blazor", StringComparison.Ordinal)
            || route.StartsWith("/_framework/", StringComparison.Ordinal)
            || route == "{**path:file}";
    }
}

public sealed class SqlitePlatformTests(SqliteFixture fixture) : PlatformTests(fixture);

public sealed class PostgresPlatformTests(PostgresFixture fixture) : PlatformTests(fixture);
