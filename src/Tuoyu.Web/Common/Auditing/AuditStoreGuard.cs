using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;

namespace Tuoyu.Web.Common.Auditing;

/// <summary>
/// Database triggers that make audit_entries append-only: content never changes, a sealed row never
/// changes, and no row younger than 180 days is deleted (网络安全法 / 等保三级: logs kept ≥ 6 months).
/// Applied idempotently after migrations, because generated migrations are never hand-edited.
/// </summary>
internal static class AuditStoreGuard
{
    /// <summary>Minimum retention of audit records (security.md: security logs kept ≥ 6 months).</summary>
    public const int MinimumRetentionDays = 180;

    private const string SqliteSql = """
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
        WHEN OLD."Hash" IS NOT NULL OR NEW."At" IS NOT OLD."At" OR NEW."UserId" IS NOT OLD."UserId"
          OR NEW."UserName" IS NOT OLD."UserName" OR NEW."Action" IS NOT OLD."Action"
          OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId"
          OR NEW."Summary" IS NOT OLD."Summary" OR NEW."Outcome" IS NOT OLD."Outcome" OR NEW."ClientIp" IS NOT OLD."ClientIp"
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
        WHEN OLD."At" > strftime('%Y-%m-%d %H:%M:%S', 'now', '-180 days')
        BEGIN SELECT RAISE(ABORT, 'audit entries younger than 180 days cannot be deleted'); END;
        """;

    private const string PostgresSql = """
        CREATE OR REPLACE FUNCTION audit_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD."At" > now() - interval '180 days' THEN
              RAISE EXCEPTION 'audit entries younger than 180 days cannot be deleted';
            END IF;
            RETURN OLD;
          END IF;
          IF OLD."Hash" IS NOT NULL
             OR (NEW."At", NEW."UserId", NEW."UserName", NEW."Action", NEW."EntityType", NEW."EntityId", NEW."Summary", NEW."Outcome", NEW."ClientIp")
                IS DISTINCT FROM (OLD."At", OLD."UserId", OLD."UserName", OLD."Action", OLD."EntityType", OLD."EntityId", OLD."Summary", OLD."Outcome", OLD."ClientIp") THEN
            RAISE EXCEPTION 'audit entries are append-only';
          END IF;
          RETURN NEW;
        END $$;
        DROP TRIGGER IF EXISTS audit_entries_guard ON audit_entries;
        CREATE TRIGGER audit_entries_guard BEFORE UPDATE OR DELETE ON audit_entries
          FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
        """;

    public static Task ApplyAsync(AppDbContext db, DatabaseProvider provider, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql, ct);
}
