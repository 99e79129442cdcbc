using Tuoyu.Web.Modules.Subsidies.Batches;
using Tuoyu.Web.Modules.Subsidies.Rules;

namespace Tuoyu.Web.Modules.Subsidies;

/// <summary>补助 (issue #5, ADR 0028): rules as data, monthly 入托补助 batches and their workflow, never paid twice.</summary>
public static class SubsidiesModule
{
    public static IServiceCollection AddSubsidiesModule(this IServiceCollection services)
    {
        services.AddScoped<RuleHandler>();
        services.AddScoped<BatchComputation>().AddScoped<BatchQueries>().AddScoped<BatchCommands>().AddScoped<BatchWorkflowHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubsidiesModule(this IEndpointRouteBuilder app)
    {
        app.MapSubsidyRules();
        app.MapSubsidyBatches();
        return app;
    }
}
