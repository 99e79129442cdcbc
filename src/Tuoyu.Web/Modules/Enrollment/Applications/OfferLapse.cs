using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.Web.Modules.Enrollment.Applications;

/// <summary>
/// Offers lapse lazily (ADR 0026): whoever reads a queue or a family's list, or answers an offer, first marks the offers past
/// their deadline 逾期未确认 in one save (so the audit trail has the change). Vacancies never wait for it: they count only offers
/// whose deadline has not passed.
/// </summary>
internal static class OfferLapse
{
    public static async Task LapseAsync(AppDbContext db, IQueryable<ChildcareApplication> scope, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var expired = await scope.Where(a => a.Status == ApplicationStatus.Offered && a.OfferExpiresOn < today).ToListAsync(ct);
        if (expired.Count == 0) { return; }
        foreach (var a in expired) { Lapse(a, nowUtc); }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request answered or lapsed the same offer first; its state stands and this read shows it.
            db.ChangeTracker.Clear();
        }
    }

    public static void Lapse(ChildcareApplication a, DateTime nowUtc)
    {
        a.Status = ApplicationStatus.Lapsed;
        a.ClosedAt = nowUtc;
    }
}
