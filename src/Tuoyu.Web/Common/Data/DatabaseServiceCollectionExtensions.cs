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
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(new SqlitePragmaInterceptor(), sp.GetRequiredService<AuditingInterceptor>()));
        }

        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
