using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;

namespace Tuoyu.Web.Common.Data;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var settings = DatabaseSettings.From(config, env.ContentRootPath);
        services.AddSingleton(settings);
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddSingleton<SqliteWriteGate>();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>(), sp.GetRequiredService<SqliteWriteGate>(),
                    sp.GetRequiredService<AuditingInterceptor>()),
                // The options are the same for every request: build them once (the interceptors are singletons).
                optionsLifetime: ServiceLifetime.Singleton);
        }

        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
