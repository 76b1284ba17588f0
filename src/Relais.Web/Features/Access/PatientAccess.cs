using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>
/// The one place where the access rule of PRODUCT.md §2 is applied to a request: it gathers the
/// facts (care-team periods, objection, break-glass windows), lets <see cref="AccessRule"/> decide,
/// and writes the audit row. A denied request and a request for a patient that does not exist get
/// the same answer, so that the rule is no existence oracle.
/// </summary>
public sealed class PatientAccess(RelaisDb db, TimeProvider time, Clock clock)
{
    public async Task<AccessDecision> CheckAsync(CurrentUser? user, Guid patientId, AccessKind kind, string resource, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (user is null)
        {
            var anonymous = new AccessDecision(false, AccessBasis.None, "anonymous");
            await AuditDenialAsync(null, null, patientId, kind, resource, anonymous.Reason, now, ct);
            return anonymous;
        }

        var decision = await DecideAsync(user, patientId, kind, now, ct);
        if (!decision.Granted)
        {
            await AuditDenialAsync(user.Id, user.PrimaryRole, patientId, kind, resource, decision.Reason, now, ct);
            return decision;
        }

        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, ActionOf(kind), resource,
            decision.Basis == AccessBasis.BreakGlass ? AuditOutcomes.BreakGlass : AuditOutcomes.Allowed, decision.Reason));
        // A read has no later SaveChanges to ride on; a write commits its audit row with its own changes.
        if (kind == AccessKind.Read) await db.SaveChangesAsync(ct);
        return decision;
    }

    /// <summary>
    /// Checks a whole set of patients at once (a laboratory feed): the facts of every patient come in
    /// one query, each decision is the rule's own. When any is refused, the refusals are audited and
    /// committed alone and nothing else may be written; when all are granted, one audit row per
    /// patient rides with the caller's changes (a read commits them at once).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, AccessDecision>> CheckManyAsync(CurrentUser user, IEnumerable<Guid> patientIds, AccessKind kind, string resource, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var ids = patientIds.Distinct().ToList();
        var decisions = await DecideAsync(user, ids, kind, now, ct);
        var denied = decisions.Where(d => !d.Value.Granted).ToList();
        if (denied.Count > 0)
        {
            db.ChangeTracker.Clear();
            foreach (var (patientId, decision) in denied)
                db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, ActionOf(kind), resource, AuditOutcomes.Denied, decision.Reason));
            await db.SaveChangesAsync(ct);
            return decisions;
        }
        foreach (var (patientId, decision) in decisions)
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, ActionOf(kind), resource,
                decision.Basis == AccessBasis.BreakGlass ? AuditOutcomes.BreakGlass : AuditOutcomes.Allowed, decision.Reason));
        if (kind == AccessKind.Read) await db.SaveChangesAsync(ct);
        return decisions;
    }

    private async Task<AccessDecision> DecideAsync(CurrentUser user, Guid patientId, AccessKind kind, DateTimeOffset now, CancellationToken ct) =>
        (await DecideAsync(user, [patientId], kind, now, ct))[patientId];

    /// <summary>The facts of the rule for each patient — existence, the caller's care-team periods, objection, break-glass windows, scoped grants — in one round trip.</summary>
    private async Task<Dictionary<Guid, AccessDecision>> DecideAsync(CurrentUser user, List<Guid> patientIds, AccessKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var userId = user.Id;
        var facts = await db.Patients.AsNoTracking()
            .Where(p => patientIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Periods = db.CareTeamMembers.Where(m => m.PatientId == p.Id && m.ProfessionalId == userId).Select(m => new { m.From, m.To, m.EndedAt }).ToList(),
                Objection = db.AccessObjections.Any(o => o.PatientId == p.Id && o.ProfessionalId == userId && o.WithdrawnAt == null),
                Windows = db.BreakGlassGrants.Where(g => g.PatientId == p.Id && g.ProfessionalId == userId && g.ExpiresAt > now).Select(g => new { g.GrantedAt, g.ExpiresAt }).ToList(),
                Grants = db.AccessGrants.Where(g => g.PatientId == p.Id && g.ProfessionalId == userId && g.RevokedAt == null)
                    .Select(g => new { g.Sections, g.From, g.Until }).ToList(),
            })
            .ToDictionaryAsync(f => f.Id, ct);
        var today = clock.Today;
        var decisions = new Dictionary<Guid, AccessDecision>(patientIds.Count);
        foreach (var id in patientIds)
        {
            if (!facts.TryGetValue(id, out var f))
            {
                decisions[id] = new AccessDecision(false, AccessBasis.None, "not-found");
                continue;
            }
            var request = new AccessRequest(user.Kind, kind, user.OwnPatientId == id,
                f.Periods.Select(m => new CareTeamPeriod(m.From, m.To, m.EndedAt)).ToList(), f.Objection,
                f.Windows.Select(g => new BreakGlassWindow(g.GrantedAt, g.ExpiresAt)).ToList(),
                f.Grants.Select(g => new GrantWindow(g.Sections, g.From, g.Until, false)).ToList());
            decisions[id] = AccessRule.Decide(request, today, now);
        }
        return decisions;
    }

    private async Task AuditDenialAsync(Guid? actor, string? role, Guid patientId, AccessKind kind, string resource, string reason, DateTimeOffset now, CancellationToken ct)
    {
        // The denial is committed on its own: the request ends here, and nothing else may ride with it.
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(AuditEntry.Create(now, actor, role, patientId, ActionOf(kind), resource, AuditOutcomes.Denied, reason));
        await db.SaveChangesAsync(ct);
    }

    private static string ActionOf(AccessKind kind) => kind == AccessKind.Read ? AuditActions.Read : AuditActions.Write;
}
